#!/usr/bin/env python3
"""Fills translations/natter_<lang>.ts from the dictionaries below (run after
`cmake --build build --target update_translations`). Keeps Qt Linguist's format."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DE = {
 'Friends to invite': 'Freunde zum Einladen', 'Online': 'Online', 'Away': 'Abwesend',
 'Do not disturb': 'Bitte nicht stören', 'Offline': 'Offline',
 '%1 created the room': '%1 hat den Raum erstellt', '%1 joined': '%1 ist beigetreten',
 '%1 left': '%1 hat den Raum verlassen', '%1 removed %2': '%1 hat %2 entfernt',
 '%1 renamed the room to "%2"': '%1 hat den Raum in „%2“ umbenannt',
 '%1 set the topic to "%2"': '%1 hat das Thema auf „%2“ gesetzt',
 '%1 made %2 %3': '%1 hat %2 zu %3 gemacht', '%1 made %2 the owner': '%1 hat %2 zum Eigentümer gemacht',
 '%1: %2': '%1: %2', 'Natter chat client': 'Natter-Chatprogramm',
 'Server to connect to (host:port).': 'Server, mit dem verbunden wird (Host:Port).',
 'Username to fill in.': 'Vorausgefüllter Benutzername.', 'Friend request': 'Freundschaftsanfrage',
 '%1 wants to be your friend': '%1 möchte mit dir befreundet sein', 'New friend': 'Neuer Freund',
 '%1 accepted your friend request': '%1 hat deine Freundschaftsanfrage angenommen',
 'Invitation': 'Einladung', '%1 invited you to %2': '%1 hat dich in %2 eingeladen',
 'Removed': 'Entfernt', '%1 removed you from a group': '%1 hat dich aus einer Gruppe entfernt',
 'Group deleted': 'Gruppe gelöscht', '%1 deleted a group you were in': '%1 hat eine Gruppe gelöscht, in der du warst',
 '(nobody)': '(niemand)', 'You': 'Du', 'Wants to be your friend': 'Möchte mit dir befreundet sein',
 'Request sent': 'Anfrage gesendet', 'Blocked': 'Blockiert', 'Friend': 'Freund', 'Owner': 'Eigentümer',
 'Admin': 'Admin', 'Add a friend': 'Freund hinzufügen', 'Username': 'Benutzername',
 'Search for a username': 'Nach einem Benutzernamen suchen', 'Search results': 'Suchergebnisse',
 'Send friend request': 'Freundschaftsanfrage senden',
 'Find people by the start of their username:': 'Finde Leute über den Anfang ihres Benutzernamens:',
 'Nobody found.': 'Niemand gefunden.', 'Could not send the request: %1': 'Die Anfrage konnte nicht gesendet werden: %1',
 'Friend request sent to %1.': 'Freundschaftsanfrage an %1 gesendet.',
 'Your session ended (logged out elsewhere or expired). Please log in again.': 'Deine Sitzung ist beendet (anderswo abgemeldet oder abgelaufen). Bitte melde dich erneut an.',
 'Could not read the remembered session: %1': 'Die gemerkte Sitzung konnte nicht gelesen werden: %1',
 'Please log in again: %1': 'Bitte melde dich erneut an: %1', 'Not remembered': 'Nicht gemerkt',
 'Natter could not save your session in the system keyring, so you will need to log in next time.\n\n%1': 'Natter konnte deine Sitzung nicht im Schlüsselbund des Systems speichern; du musst dich beim nächsten Mal wieder anmelden.\n\n%1',
 'Messages': 'Nachrichten', 'Message': 'Nachricht', 'Write a message…': 'Nachricht schreiben …',
 'Send': 'Senden', 'Send the message (Enter)': 'Nachricht senden (Eingabetaste)',
 'Pick a conversation on the left, or add a friend to start one.': 'Wähle links eine Unterhaltung oder füge einen Freund hinzu, um eine zu beginnen.',
 'This conversation is closed.': 'Diese Unterhaltung ist geschlossen.', '%1 is typing…': '%1 schreibt …',
 '%1 are typing…': '%1 schreiben …', 'Copy text': 'Text kopieren', 'Retry sending': 'Erneut senden',
 'Discard': 'Verwerfen', 'Closed': 'Geschlossen', 'New group': 'Neue Gruppe', 'Group name': 'Gruppenname',
 'Topic': 'Thema', 'Listed in the directory: anyone may join': 'Im Verzeichnis gelistet: jeder darf beitreten',
 'New members see the whole history': 'Neue Mitglieder sehen den ganzen Verlauf',
 'New members see messages from when they joined': 'Neue Mitglieder sehen Nachrichten ab ihrem Beitritt',
 'Create': 'Erstellen', '&Name:': '&Name:', '&Topic:': '&Thema:', '&History:': '&Verlauf:', '&Invite:': '&Einladen:',
 'Creating…': 'Wird erstellt …', 'Could not create the group: %1': 'Die Gruppe konnte nicht erstellt werden: %1',
 'no system keyring is available (%1)': 'kein Schlüsselbund des Systems verfügbar (%1)',
 'Friends and requests': 'Freunde und Anfragen', 'Add friend…': 'Freund hinzufügen …', 'Block': 'Blockieren',
 'Accept': 'Annehmen', 'Unblock': 'Freigeben', 'Decline': 'Ablehnen', 'Cancel request': 'Anfrage zurückziehen',
 'Unfriend': 'Freundschaft beenden', 'Failed: %1': 'Fehlgeschlagen: %1', 'New group…': 'Neue Gruppe …',
 'Invitations': 'Einladungen', 'Join': 'Beitreten', 'Search open groups': 'Offene Gruppen suchen',
 'Open groups': 'Offene Gruppen', 'Join group': 'Gruppe beitreten', 'Directory': 'Verzeichnis',
 'Could not join: %1': 'Beitritt nicht möglich: %1', 'Natter — Log in': 'Natter — Anmelden',
 'Welcome to Natter': 'Willkommen bei Natter', 'Server address': 'Serveradresse', 'host:port': 'Host:Port',
 'Password': 'Passwort', '&Remember me on this computer': 'Auf diesem Computer &angemeldet bleiben',
 'Status': 'Status', '&Log in': '&Anmelden', '&Create account': '&Konto erstellen', '&Server:': '&Server:',
 '&Username:': '&Benutzername:', '&Password:': '&Passwort:',
 'Enter a username of at least %1 characters.': 'Gib einen Benutzernamen mit mindestens %1 Zeichen ein.',
 'Choose a password of at least %1 characters.': 'Wähle ein Passwort mit mindestens %1 Zeichen.',
 'Creating your account…': 'Dein Konto wird erstellt …', 'Logging in…': 'Anmeldung läuft …',
 'Cannot reach the server: %1': 'Der Server ist nicht erreichbar: %1',
 'Saving your session in the system keyring…': 'Sitzung wird im Schlüsselbund gespeichert …',
 'Connection state': 'Verbindungsstatus', 'Your status': 'Dein Status', 'The group was deleted.': 'Die Gruppe wurde gelöscht.',
 'You are no longer in that group.': 'Du bist nicht mehr in dieser Gruppe.',
 'Filter conversations (Ctrl+K)': 'Unterhaltungen filtern (Strg+K)', 'Filter conversations': 'Unterhaltungen filtern',
 'Conversations': 'Unterhaltungen', 'Chats': 'Chats', 'Friends': 'Freunde', 'Groups': 'Gruppen',
 'Friends (%1)': 'Freunde (%1)', 'Members': 'Mitglieder', '&Natter': '&Natter', '&Settings…': '&Einstellungen …',
 'Log &out': '&Abmelden', '&Quit': '&Beenden', '&Conversation': '&Unterhaltung', '&Add friend…': 'Freund &hinzufügen …',
 '&New group…': '&Neue Gruppe …', '&Invite friends…': 'Freunde &einladen …', 'Group &settings…': 'Gruppen&einstellungen …',
 '&Leave group': 'Gruppe &verlassen', '&Previous conversation': '&Vorherige Unterhaltung',
 'N&ext conversation': 'Nä&chste Unterhaltung', '&Find conversation': 'Unterhaltung &finden', '&View': '&Ansicht',
 'Show &members': '&Mitglieder anzeigen', '&Chats': '&Chats', '&Friends': '&Freunde', '&Groups': '&Gruppen',
 'Go to &newest message': 'Zur &neuesten Nachricht', '&Help': '&Hilfe', '&About Natter': '&Über Natter',
 'About Natter': 'Über Natter', '<b>Natter</b> %1<br>Chat on your local network.': '<b>Natter</b> %1<br>Chatten im lokalen Netzwerk.',
 'Natter': 'Natter', 'Show Natter': 'Natter anzeigen', 'Quit': 'Beenden', 'Connected': 'Verbunden',
 'Syncing…': 'Synchronisiere …', 'Connecting…': 'Verbinde …',
 'Connection lost — reconnecting… Messages you write are sent when back.': 'Verbindung verloren — verbinde neu … Geschriebene Nachrichten werden danach gesendet.',
 '%1 (mentioned you)': '%1 (hat dich erwähnt)', '(%1) Natter — %2': '(%1) Natter — %2', 'Natter — %1': 'Natter — %1',
 'Natter: %n unread': ['Natter: %n ungelesen', 'Natter: %n ungelesen'],
 'Invite friends to %1': 'Freunde in %1 einladen', 'Group settings': 'Gruppeneinstellungen',
 'You own "%1". Delete the group for everyone?': 'Dir gehört „%1“. Die Gruppe für alle löschen?',
 'Leave "%1"?': '„%1“ verlassen?', 'Leave group': 'Gruppe verlassen', 'Remove from group': 'Aus der Gruppe entfernen',
 'Make admin': 'Zum Admin machen', 'Remove admin rights': 'Admin-Rechte entziehen', 'Make owner': 'Zum Eigentümer machen',
 'Sending…': 'Wird gesendet …', 'Not sent: %1. Right-click to retry.': 'Nicht gesendet: %1. Rechtsklick zum erneuten Senden.',
 'Settings': 'Einstellungen', 'Language': 'Sprache', 'System language': 'Systemsprache',
 'Show notifications for new messages and requests': 'Benachrichtigungen für neue Nachrichten und Anfragen anzeigen',
 'Enter sends the message (Shift+Enter for a new line)': 'Eingabetaste sendet (Umschalt+Eingabe für neue Zeile)',
 'A new language applies after restarting Natter.': 'Eine neue Sprache gilt nach dem Neustart von Natter.',
 '&Language:': '&Sprache:', 'Today': 'Heute', 'Yesterday': 'Gestern',
}

FR = {
 'Friends to invite': 'Amis à inviter', 'Online': 'En ligne', 'Away': 'Absent',
 'Do not disturb': 'Ne pas déranger', 'Offline': 'Hors ligne',
 '%1 created the room': '%1 a créé le salon', '%1 joined': '%1 a rejoint le salon',
 '%1 left': '%1 est parti', '%1 removed %2': '%1 a retiré %2',
 '%1 renamed the room to "%2"': '%1 a renommé le salon en « %2 »',
 '%1 set the topic to "%2"': '%1 a changé le sujet en « %2 »',
 '%1 made %2 %3': '%1 a nommé %2 %3', '%1 made %2 the owner': '%1 a fait de %2 le propriétaire',
 '%1: %2': '%1 : %2', 'Natter chat client': 'Client de discussion Natter',
 'Server to connect to (host:port).': 'Serveur auquel se connecter (hôte:port).',
 'Username to fill in.': 'Nom d’utilisateur prérempli.', 'Friend request': 'Demande d’ami',
 '%1 wants to be your friend': '%1 souhaite devenir votre ami', 'New friend': 'Nouvel ami',
 '%1 accepted your friend request': '%1 a accepté votre demande d’ami',
 'Invitation': 'Invitation', '%1 invited you to %2': '%1 vous a invité dans %2',
 'Removed': 'Retiré', '%1 removed you from a group': '%1 vous a retiré d’un groupe',
 'Group deleted': 'Groupe supprimé', '%1 deleted a group you were in': '%1 a supprimé un groupe dont vous faisiez partie',
 '(nobody)': '(personne)', 'You': 'Vous', 'Wants to be your friend': 'Souhaite devenir votre ami',
 'Request sent': 'Demande envoyée', 'Blocked': 'Bloqué', 'Friend': 'Ami', 'Owner': 'Propriétaire',
 'Admin': 'Admin', 'Add a friend': 'Ajouter un ami', 'Username': 'Nom d’utilisateur',
 'Search for a username': 'Rechercher un nom d’utilisateur', 'Search results': 'Résultats',
 'Send friend request': 'Envoyer une demande d’ami',
 'Find people by the start of their username:': 'Trouvez des personnes par le début de leur nom d’utilisateur :',
 'Nobody found.': 'Personne trouvé.', 'Could not send the request: %1': 'Impossible d’envoyer la demande : %1',
 'Friend request sent to %1.': 'Demande d’ami envoyée à %1.',
 'Your session ended (logged out elsewhere or expired). Please log in again.': 'Votre session a pris fin (déconnexion ailleurs ou expiration). Veuillez vous reconnecter.',
 'Could not read the remembered session: %1': 'Impossible de lire la session mémorisée : %1',
 'Please log in again: %1': 'Veuillez vous reconnecter : %1', 'Not remembered': 'Non mémorisé',
 'Natter could not save your session in the system keyring, so you will need to log in next time.\n\n%1': 'Natter n’a pas pu enregistrer votre session dans le trousseau du système ; vous devrez vous reconnecter la prochaine fois.\n\n%1',
 'Messages': 'Messages', 'Message': 'Message', 'Write a message…': 'Écrire un message…',
 'Send': 'Envoyer', 'Send the message (Enter)': 'Envoyer le message (Entrée)',
 'Pick a conversation on the left, or add a friend to start one.': 'Choisissez une conversation à gauche, ou ajoutez un ami pour en commencer une.',
 'This conversation is closed.': 'Cette conversation est fermée.', '%1 is typing…': '%1 écrit…',
 '%1 are typing…': '%1 écrivent…', 'Copy text': 'Copier le texte', 'Retry sending': 'Renvoyer',
 'Discard': 'Abandonner', 'Closed': 'Fermée', 'New group': 'Nouveau groupe', 'Group name': 'Nom du groupe',
 'Topic': 'Sujet', 'Listed in the directory: anyone may join': 'Listé dans l’annuaire : tout le monde peut rejoindre',
 'New members see the whole history': 'Les nouveaux membres voient tout l’historique',
 'New members see messages from when they joined': 'Les nouveaux membres voient les messages depuis leur arrivée',
 'Create': 'Créer', '&Name:': '&Nom :', '&Topic:': '&Sujet :', '&History:': '&Historique :', '&Invite:': '&Inviter :',
 'Creating…': 'Création…', 'Could not create the group: %1': 'Impossible de créer le groupe : %1',
 'no system keyring is available (%1)': 'aucun trousseau système disponible (%1)',
 'Friends and requests': 'Amis et demandes', 'Add friend…': 'Ajouter un ami…', 'Block': 'Bloquer',
 'Accept': 'Accepter', 'Unblock': 'Débloquer', 'Decline': 'Refuser', 'Cancel request': 'Annuler la demande',
 'Unfriend': 'Retirer des amis', 'Failed: %1': 'Échec : %1', 'New group…': 'Nouveau groupe…',
 'Invitations': 'Invitations', 'Join': 'Rejoindre', 'Search open groups': 'Rechercher des groupes ouverts',
 'Open groups': 'Groupes ouverts', 'Join group': 'Rejoindre le groupe', 'Directory': 'Annuaire',
 'Could not join: %1': 'Impossible de rejoindre : %1', 'Natter — Log in': 'Natter — Connexion',
 'Welcome to Natter': 'Bienvenue sur Natter', 'Server address': 'Adresse du serveur', 'host:port': 'hôte:port',
 'Password': 'Mot de passe', '&Remember me on this computer': 'Se &souvenir de moi sur cet ordinateur',
 'Status': 'État', '&Log in': '&Se connecter', '&Create account': '&Créer un compte', '&Server:': 'Se&rveur :',
 '&Username:': 'Nom d’&utilisateur :', '&Password:': '&Mot de passe :',
 'Enter a username of at least %1 characters.': 'Saisissez un nom d’utilisateur d’au moins %1 caractères.',
 'Choose a password of at least %1 characters.': 'Choisissez un mot de passe d’au moins %1 caractères.',
 'Creating your account…': 'Création de votre compte…', 'Logging in…': 'Connexion…',
 'Cannot reach the server: %1': 'Serveur injoignable : %1',
 'Saving your session in the system keyring…': 'Enregistrement de la session dans le trousseau…',
 'Connection state': 'État de la connexion', 'Your status': 'Votre statut', 'The group was deleted.': 'Le groupe a été supprimé.',
 'You are no longer in that group.': 'Vous ne faites plus partie de ce groupe.',
 'Filter conversations (Ctrl+K)': 'Filtrer les conversations (Ctrl+K)', 'Filter conversations': 'Filtrer les conversations',
 'Conversations': 'Conversations', 'Chats': 'Discussions', 'Friends': 'Amis', 'Groups': 'Groupes',
 'Friends (%1)': 'Amis (%1)', 'Members': 'Membres', '&Natter': '&Natter', '&Settings…': '&Paramètres…',
 'Log &out': 'Se &déconnecter', '&Quit': '&Quitter', '&Conversation': '&Conversation', '&Add friend…': '&Ajouter un ami…',
 '&New group…': '&Nouveau groupe…', '&Invite friends…': '&Inviter des amis…', 'Group &settings…': 'Paramètres du &groupe…',
 '&Leave group': '&Quitter le groupe', '&Previous conversation': 'Conversation &précédente',
 'N&ext conversation': 'Conversation &suivante', '&Find conversation': '&Trouver une conversation', '&View': 'Affic&hage',
 'Show &members': 'Afficher les &membres', '&Chats': '&Discussions', '&Friends': '&Amis', '&Groups': '&Groupes',
 'Go to &newest message': 'Aller au message le plus &récent', '&Help': 'Ai&de', '&About Natter': 'À &propos de Natter',
 'About Natter': 'À propos de Natter', '<b>Natter</b> %1<br>Chat on your local network.': '<b>Natter</b> %1<br>La discussion sur votre réseau local.',
 'Natter': 'Natter', 'Show Natter': 'Afficher Natter', 'Quit': 'Quitter', 'Connected': 'Connecté',
 'Syncing…': 'Synchronisation…', 'Connecting…': 'Connexion…',
 'Connection lost — reconnecting… Messages you write are sent when back.': 'Connexion perdue — reconnexion… Vos messages seront envoyés au retour.',
 '%1 (mentioned you)': '%1 (vous a mentionné)', '(%1) Natter — %2': '(%1) Natter — %2', 'Natter — %1': 'Natter — %1',
 'Natter: %n unread': ['Natter : %n non lu', 'Natter : %n non lus'],
 'Invite friends to %1': 'Inviter des amis dans %1', 'Group settings': 'Paramètres du groupe',
 'You own "%1". Delete the group for everyone?': 'Vous êtes propriétaire de « %1 ». Supprimer le groupe pour tout le monde ?',
 'Leave "%1"?': 'Quitter « %1 » ?', 'Leave group': 'Quitter le groupe', 'Remove from group': 'Retirer du groupe',
 'Make admin': 'Nommer admin', 'Remove admin rights': 'Retirer les droits d’admin', 'Make owner': 'Nommer propriétaire',
 'Sending…': 'Envoi…', 'Not sent: %1. Right-click to retry.': 'Non envoyé : %1. Clic droit pour réessayer.',
 'Settings': 'Paramètres', 'Language': 'Langue', 'System language': 'Langue du système',
 'Show notifications for new messages and requests': 'Afficher des notifications pour les nouveaux messages et demandes',
 'Enter sends the message (Shift+Enter for a new line)': 'Entrée envoie le message (Maj+Entrée pour une nouvelle ligne)',
 'A new language applies after restarting Natter.': 'Une nouvelle langue s’applique après le redémarrage de Natter.',
 '&Language:': '&Langue :', 'Today': 'Aujourd’hui', 'Yesterday': 'Hier',
}

def fill(path, table):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text
        tr = message.find('translation')
        value = table.get(source)
        if value is None:
            missing.append(source)
            continue
        tr.attrib.pop('type', None)
        if message.get('numerus') == 'yes':
            for child in list(tr):
                tr.remove(child)
            for form in value:
                ET.SubElement(tr, 'numerusform').text = form
        else:
            tr.text = value
    tree.write(path, encoding='utf-8', xml_declaration=True)
    return missing

root = Path(__file__).resolve().parent
bad = False
for lang, table in (('de', DE), ('fr', FR)):
    missing = fill(root / f'natter_{lang}.ts', table)
    for m in missing:
        print(f'{lang}: untranslated: {m!r}', file=sys.stderr)
    bad = bad or bool(missing)
sys.exit(1 if bad else 0)
