<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>FriendPicker</name>
    <message>
        <source>Friends to invite</source>
        <translation>Amis à inviter</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>%1 created the room</source>
        <translation>%1 a créé le salon</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 a rejoint le salon</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 est parti</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 a retiré %2</translation>
    </message>
    <message>
        <source>%1 renamed the room to "%2"</source>
        <translation>%1 a renommé le salon en « %2 »</translation>
    </message>
    <message>
        <source>%1 set the topic to "%2"</source>
        <translation>%1 a changé le sujet en « %2 »</translation>
    </message>
    <message>
        <source>%1 made %2 %3</source>
        <translation>%1 a nommé %2 %3</translation>
    </message>
    <message>
        <source>%1 made %2 the owner</source>
        <translation>%1 a fait de %2 le propriétaire</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter chat client</source>
        <translation>Client de discussion Natter</translation>
    </message>
    <message>
        <source>Server to connect to (host:port).</source>
        <translation>Serveur auquel se connecter (hôte:port).</translation>
    </message>
    <message>
        <source>Username to fill in.</source>
        <translation>Nom d’utilisateur prérempli.</translation>
    </message>
</context>
<context>
    <name>natter::client::ClientController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Friend request</source>
        <translation>Demande d’ami</translation>
    </message>
    <message>
        <source>%1 wants to be your friend</source>
        <translation>%1 souhaite devenir votre ami</translation>
    </message>
    <message>
        <source>New friend</source>
        <translation>Nouvel ami</translation>
    </message>
    <message>
        <source>%1 accepted your friend request</source>
        <translation>%1 a accepté votre demande d’ami</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation>%1 vous a invité dans %2</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>%1 removed you from a group</source>
        <translation>%1 vous a retiré d’un groupe</translation>
    </message>
    <message>
        <source>Group deleted</source>
        <translation>Groupe supprimé</translation>
    </message>
    <message>
        <source>%1 deleted a group you were in</source>
        <translation>%1 a supprimé un groupe dont vous faisiez partie</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Un message ne peut pas être vide.</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>(nobody)</source>
        <translation>(personne)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: (deleted)</source>
        <translation>%1 : (supprimé)</translation>
    </message>
    <message>
        <source>%1: 📎 %2</source>
        <translation>%1 : 📎 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: 📎 %n files</source>
        <translation>
            <numerusform>%1 : 📎 %n fichier</numerusform><numerusform>%1 : 📎 %n fichiers</numerusform></translation>
    </message>
</context>
<context>
    <name>natter::client::FriendsModel</name>
    <message>
        <source>Wants to be your friend</source>
        <translation>Souhaite devenir votre ami</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>Demande envoyée</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>Ami</translation>
    </message>
</context>
<context>
    <name>natter::client::MembersModel</name>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
</context>
<context>
    <name>natter::client::PendingUploads</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>The file %1 is no longer there.</source>
        <translation>Le fichier %1 n'existe plus.</translation>
    </message>
    <message>
        <source>A file could not be uploaded: %1</source>
        <translation>Un fichier n'a pas pu être envoyé : %1</translation>
    </message>
    <message>
        <source>The files of this message were lost; attach them again.</source>
        <translation>Les fichiers de ce message ont été perdus ; joignez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>natter::ui::AddFriendDialog</name>
    <message>
        <source>Add a friend</source>
        <translation>Ajouter un ami</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Search for a username</source>
        <translation>Rechercher un nom d’utilisateur</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Send friend request</source>
        <translation>Envoyer une demande d’ami</translation>
    </message>
    <message>
        <source>Find people by the start of their username:</source>
        <translation>Trouvez des personnes par le début de leur nom d’utilisateur :</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Personne trouvé.</translation>
    </message>
    <message>
        <source>Could not send the request: %1</source>
        <translation>Impossible d’envoyer la demande : %1</translation>
    </message>
    <message>
        <source>Friend request sent to %1.</source>
        <translation>Demande d’ami envoyée à %1.</translation>
    </message>
</context>
<context>
    <name>natter::ui::Application</name>
    <message>
        <source>Your session ended (logged out elsewhere or expired). Please log in again.</source>
        <translation>Votre session a pris fin (déconnexion ailleurs ou expiration). Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Could not read the remembered session: %1</source>
        <translation>Impossible de lire la session mémorisée : %1</translation>
    </message>
    <message>
        <source>Please log in again: %1</source>
        <translation>Veuillez vous reconnecter : %1</translation>
    </message>
    <message>
        <source>Not remembered</source>
        <translation>Non mémorisé</translation>
    </message>
    <message>
        <source>Natter could not save your session in the system keyring, so you will need to log in next time.

%1</source>
        <translation>Natter n’a pas pu enregistrer votre session dans le trousseau du système ; vous devrez vous reconnecter la prochaine fois.

%1</translation>
    </message>
    <message>
        <source>Session kept outside the keyring</source>
        <translation>Session conservée hors du trousseau</translation>
    </message>
    <message>
        <source>No system keyring is available, so Natter keeps your session in its settings file, where other programs running as you can read it. Log out to remove it, or start a keyring (Secret Service) and log in again.

%1</source>
        <translation>Aucun trousseau système n'est disponible : Natter conserve donc votre session dans son fichier de réglages, où d'autres programmes lancés sous votre compte peuvent la lire. Déconnectez-vous pour la supprimer, ou démarrez un trousseau (Secret Service) et reconnectez-vous.

%1</translation>
    </message>
    <message>
        <source>An administrator disabled your account. Ask them to enable it again.</source>
        <translation>Un administrateur a désactivé votre compte. Demandez-lui de le réactiver.</translation>
    </message>
    <message>
        <source>An administrator ended your sessions. Please log in again (with your new password if it was reset).</source>
        <translation>Un administrateur a mis fin à vos sessions. Reconnectez-vous (avec votre nouveau mot de passe s’il a été réinitialisé).</translation>
    </message>
</context>
<context>
    <name>natter::ui::AttachmentStrip</name>
    <message>
        <source>Attachments to send</source>
        <translation>Pièces jointes à envoyer</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n files can be sent with one message.</source>
        <translation>
            <numerusform>Un message peut contenir au plus %n fichier.</numerusform><numerusform>Un message peut contenir au plus %n fichiers.</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progression de l’envoi</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Upload %1 again</source>
        <translation>Envoyer %1 à nouveau</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Retirer ce fichier</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Waiting for the connection…</source>
        <translation>En attente de la connexion…</translation>
    </message>
    <message>
        <source>Too large for this server</source>
        <translation>Trop volumineux pour ce serveur</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Écrire un message…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Envoyer le message (Entrée)</translation>
    </message>
    <message>
        <source>Pick a conversation on the left, or add a friend to start one.</source>
        <translation>Choisissez une conversation à gauche, ou ajoutez un ami pour en commencer une.</translation>
    </message>
    <message>
        <source>This conversation is closed.</source>
        <translation>Cette conversation est fermée.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 écrit…</translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation>%1 écrivent…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Réponse à %1 : %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Modification de votre message</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation>Voir l’historique des modifications</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Supprimer ce message pour tout le monde ? C’est irréversible.</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Now — %1</source>
        <translation>Maintenant — %1</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Attach files (or drop or paste them here)</source>
        <translation>Joindre des fichiers (ou les déposer ou coller ici)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>Enregistrer %1 sous…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Téléchargement de %1…</translation>
    </message>
    <message>
        <source>Downloading %1… %2%</source>
        <translation>Téléchargement de %1… %2 %</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>%1 enregistré dans %2</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>Impossible de télécharger %1 : %2</translation>
    </message>
    <message>
        <source>Send (Enter); the message follows once its files are uploaded</source>
        <translation>Envoyer (Entrée) ; le message partira une fois ses fichiers envoyés</translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation>Menu de la conversation</translation>
    </message>
    <message>
        <source>Muted: no alerts, except when you are mentioned</source>
        <translation>En sourdine : aucune alerte, sauf quand on vous mentionne</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>En sourdine</translation>
    </message>
</context>
<context>
    <name>natter::ui::ConnectionStatus</name>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Try to reconnect now instead of waiting</source>
        <translation>Se reconnecter maintenant au lieu d’attendre</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting in %1 s. Messages you write are sent when back.</source>
        <translation>Connexion perdue — nouvelle tentative dans %1 s. Vos messages partiront au retour de la connexion.</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting now…</source>
        <translation>Connexion perdue — reconnexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>natter::ui::ConversationDelegate</name>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
</context>
<context>
    <name>natter::ui::CreateGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Nouveau groupe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Listed in the directory: anyone may join</source>
        <translation>Listé dans l’annuaire : tout le monde peut rejoindre</translation>
    </message>
    <message>
        <source>New members see the whole history</source>
        <translation>Les nouveaux membres voient tout l’historique</translation>
    </message>
    <message>
        <source>New members see messages from when they joined</source>
        <translation>Les nouveaux membres voient les messages depuis leur arrivée</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Sujet :</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;Historique :</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>&amp;Inviter :</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Could not create the group: %1</source>
        <translation>Impossible de créer le groupe : %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::CredentialStore</name>
    <message>
        <source>no system keyring is available (%1)</source>
        <translation>aucun trousseau système disponible (%1)</translation>
    </message>
</context>
<context>
    <name>natter::ui::FriendsPanel</name>
    <message>
        <source>Friends and requests</source>
        <translation>Amis et demandes</translation>
    </message>
    <message>
        <source>Add friend…</source>
        <translation>Ajouter un ami…</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Annuler la demande</translation>
    </message>
    <message>
        <source>Unfriend</source>
        <translation>Retirer des amis</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::GroupsPanel</name>
    <message>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Search open groups</source>
        <translation>Rechercher des groupes ouverts</translation>
    </message>
    <message>
        <source>Open groups</source>
        <translation>Groupes ouverts</translation>
    </message>
    <message>
        <source>Join group</source>
        <translation>Rejoindre le groupe</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation>Impossible de rejoindre : %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::LoginDialog</name>
    <message>
        <source>Natter — Log in</source>
        <translation>Natter — Connexion</translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation>Bienvenue sur Natter</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Se &amp;souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Créer un compte</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rveur :</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Enter a username of at least %1 characters.</source>
        <translation>Saisissez un nom d’utilisateur d’au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Choisissez un mot de passe d’au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Création de votre compte…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Serveur injoignable : %1</translation>
    </message>
    <message>
        <source>Saving your session in the system keyring…</source>
        <translation>Enregistrement de la session dans le trousseau…</translation>
    </message>
    <message>
        <source>host:port (or ws://host:port without encryption)</source>
        <translation>hôte:port (ou ws://hôte:port sans chiffrement)</translation>
    </message>
    <message>
        <source>A bare host:port connects with TLS (wss://); type ws:// to connect without encryption.</source>
        <translation>Un simple hôte:port se connecte avec TLS (wss://) ; tapez ws:// pour vous connecter sans chiffrement.</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Serveurs de votre réseau</translation>
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation>&amp;Chercher à nouveau</translation>
    </message>
    <message>
        <source>On your network:</source>
        <translation>Sur votre réseau :</translation>
    </message>
    <message>
        <source>fingerprint %1…</source>
        <translation>empreinte %1…</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>sans chiffrement</translation>
    </message>
    <message>
        <source>This server does not use encryption.</source>
        <translation>Ce serveur n'utilise pas de chiffrement.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (a hint; you are asked to accept the certificate when you connect):
%1</source>
        <translation>Empreinte du certificat (une indication ; il vous sera demandé d’accepter le certificat à la connexion) :
%1</translation>
    </message>
    <message>
        <source>The certificate of %1 has CHANGED since you accepted it.

Accepted: %2
Now: %3

Accept the new one only if your administrator confirms it.</source>
        <translation>Le certificat de %1 a CHANGÉ depuis que vous l’avez accepté.

Accepté : %2
Maintenant : %3

N’acceptez le nouveau que si votre administrateur le confirme.</translation>
    </message>
    <message>
        <source>%1 presents a certificate this computer does not know.

SHA-256 fingerprint:
%2

Accept it only if it matches the fingerprint your administrator published.</source>
        <translation>%1 présente un certificat que cet ordinateur ne connaît pas.

Empreinte SHA-256 :
%2

Ne l’acceptez que s’il correspond à l’empreinte publiée par votre administrateur.</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Certificat du serveur</translation>
    </message>
    <message>
        <source>This server does not use TLS. Type ws://%1 to connect without encryption.</source>
        <translation>Ce serveur n'utilise pas TLS. Tapez ws://%1 pour vous connecter sans chiffrement.</translation>
    </message>
    <message>
        <source>The server's certificate was not accepted.</source>
        <translation>Le certificat du serveur n’a pas été accepté.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MainWindow</name>
    <message>
        <source>Your status</source>
        <translation>Votre statut</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <source>The group was deleted.</source>
        <translation>Le groupe a été supprimé.</translation>
    </message>
    <message>
        <source>You are no longer in that group.</source>
        <translation>Vous ne faites plus partie de ce groupe.</translation>
    </message>
    <message>
        <source>Filter conversations (Ctrl+K)</source>
        <translation>Filtrer les conversations (Ctrl+K)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Filtrer les conversations</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Amis</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Friends (%1)</source>
        <translation>Amis (%1)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversation</translation>
    </message>
    <message>
        <source>&amp;Add friend…</source>
        <translation>&amp;Ajouter un ami…</translation>
    </message>
    <message>
        <source>&amp;New group…</source>
        <translation>&amp;Nouveau groupe…</translation>
    </message>
    <message>
        <source>&amp;Invite friends…</source>
        <translation>&amp;Inviter des amis…</translation>
    </message>
    <message>
        <source>Group &amp;settings…</source>
        <translation>Paramètres du &amp;groupe…</translation>
    </message>
    <message>
        <source>&amp;Leave group</source>
        <translation>&amp;Quitter le groupe</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>Conversation &amp;précédente</translation>
    </message>
    <message>
        <source>N&amp;ext conversation</source>
        <translation>Conversation &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Find conversation</source>
        <translation>&amp;Trouver une conversation</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Show &amp;members</source>
        <translation>Afficher les &amp;membres</translation>
    </message>
    <message>
        <source>&amp;Chats</source>
        <translation>&amp;Discussions</translation>
    </message>
    <message>
        <source>&amp;Friends</source>
        <translation>&amp;Amis</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Groupes</translation>
    </message>
    <message>
        <source>Go to &amp;newest message</source>
        <translation>Aller au message le plus &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>À &amp;propos de Natter</translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation>À propos de Natter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;Chat on your local network.</source>
        <translation>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;La discussion sur votre réseau local.</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Show Natter</source>
        <translation>Afficher Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>%1 (mentioned you)</source>
        <translation>%1 (vous a mentionné)</translation>
    </message>
    <message>
        <source>(%1) Natter — %2</source>
        <translation>(%1) Natter — %2</translation>
    </message>
    <message>
        <source>Natter — %1</source>
        <translation>Natter — %1</translation>
    </message>
    <message numerus="yes">
        <source>Natter: %n unread</source>
        <translation>
            <numerusform>Natter : %n non lu</numerusform><numerusform>Natter : %n non lus</numerusform></translation>
    </message>
    <message>
        <source>Invite friends to %1</source>
        <translation>Inviter des amis dans %1</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Paramètres du groupe</translation>
    </message>
    <message>
        <source>Listed in the directory: anyone may join</source>
        <translation>Listé dans l’annuaire : tout le monde peut rejoindre</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Sujet :</translation>
    </message>
    <message>
        <source>You own "%1". Delete the group for everyone?</source>
        <translation>Vous êtes propriétaire de « %1 ». Supprimer le groupe pour tout le monde ?</translation>
    </message>
    <message>
        <source>Leave "%1"?</source>
        <translation>Quitter « %1 » ?</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Retirer du groupe</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Nommer admin</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Retirer les droits d’admin</translation>
    </message>
    <message>
        <source>Make owner</source>
        <translation>Nommer propriétaire</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>&amp;Search messages</source>
        <translation>&amp;Rechercher des messages</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent: %1. Right-click to retry.</source>
        <translation>Non envoyé : %1. Clic droit pour réessayer.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
    <message>
        <source>deleted message</source>
        <translation>message supprimé</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>un message précédent</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message numerus="yes">
        <source>Sending with %n file(s)…</source>
        <translation>
            <numerusform>Envoi avec %n fichier…</numerusform><numerusform>Envoi avec %n fichiers…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s): %1 %</source>
        <translation>
            <numerusform>Envoi de %n fichier : %1 %</numerusform><numerusform>Envoi de %n fichiers : %1 %</numerusform></translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomMenu</name>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Mettre en sourdine</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>&amp;Réactiver</translation>
    </message>
    <message>
        <source>No notifications and no unread total for this conversation, except when you are mentioned</source>
        <translation>Aucune notification ni aucun compte de non-lus pour cette conversation, sauf quand on vous mentionne</translation>
    </message>
    <message>
        <source>Notify about this conversation again</source>
        <translation>Notifier de nouveau pour cette conversation</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Sourdine</translation>
    </message>
    <message>
        <source>Could not change the setting: %1</source>
        <translation>Impossible de modifier le réglage : %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::SearchPanel</name>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Rechercher des messages (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <source>Only in this conversation</source>
        <translation>Seulement dans cette conversation</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Aucun message trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform><numerusform>%n résultats</numerusform></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
</context>
<context>
    <name>natter::ui::SearchResultDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>natter::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Show notifications for new messages and requests</source>
        <translation>Afficher des notifications pour les nouveaux messages et demandes</translation>
    </message>
    <message>
        <source>Enter sends the message (Shift+Enter for a new line)</source>
        <translation>Entrée envoie le message (Maj+Entrée pour une nouvelle ligne)</translation>
    </message>
    <message>
        <source>A new language applies after restarting Natter.</source>
        <translation>Une nouvelle langue s’applique après le redémarrage de Natter.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille de police</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>Taille de &amp;police :</translation>
    </message>
    <message>
        <source>Language and notifications</source>
        <translation>Langue et notifications</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Current server: %1
Certificate: %2</source>
        <translation>Serveur actuel : %1
Certificat : %2</translation>
    </message>
    <message>
        <source>Remembered servers</source>
        <translation>Serveurs mémorisés</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remembered servers:</source>
        <translation>Serveurs mémorisés :</translation>
    </message>
    <message>
        <source>none (not encrypted)</source>
        <translation>aucun (non chiffré)</translation>
    </message>
    <message>
        <source>not pinned (verified by the system, or not yet seen)</source>
        <translation>non épinglé (vérifié par le système, ou pas encore vu)</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Certificat : %1</translation>
    </message>
    <message>
        <source>Edit server</source>
        <translation>Modifier le serveur</translation>
    </message>
    <message>
        <source>Server address (host:port):</source>
        <translation>Adresse du serveur (hôte:port) :</translation>
    </message>
</context>
</TS>