<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>FriendPicker</name>
    <message>
        <source>Friends to invite</source>
        <translation>Freunde zum Einladen</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Bitte nicht stören</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>%1 created the room</source>
        <translation>%1 hat den Raum erstellt</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 hat den Raum verlassen</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 hat %2 entfernt</translation>
    </message>
    <message>
        <source>%1 renamed the room to "%2"</source>
        <translation>%1 hat den Raum in „%2“ umbenannt</translation>
    </message>
    <message>
        <source>%1 set the topic to "%2"</source>
        <translation>%1 hat das Thema auf „%2“ gesetzt</translation>
    </message>
    <message>
        <source>%1 made %2 %3</source>
        <translation>%1 hat %2 zu %3 gemacht</translation>
    </message>
    <message>
        <source>%1 made %2 the owner</source>
        <translation>%1 hat %2 zum Eigentümer gemacht</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter chat client</source>
        <translation>Natter-Chatprogramm</translation>
    </message>
    <message>
        <source>Server to connect to (host:port).</source>
        <translation>Server, mit dem verbunden wird (Host:Port).</translation>
    </message>
    <message>
        <source>Username to fill in.</source>
        <translation>Vorausgefüllter Benutzername.</translation>
    </message>
</context>
<context>
    <name>natter::client::ClientController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Friend request</source>
        <translation>Freundschaftsanfrage</translation>
    </message>
    <message>
        <source>%1 wants to be your friend</source>
        <translation>%1 möchte mit dir befreundet sein</translation>
    </message>
    <message>
        <source>New friend</source>
        <translation>Neuer Freund</translation>
    </message>
    <message>
        <source>%1 accepted your friend request</source>
        <translation>%1 hat deine Freundschaftsanfrage angenommen</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation>%1 hat dich in %2 eingeladen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>%1 removed you from a group</source>
        <translation>%1 hat dich aus einer Gruppe entfernt</translation>
    </message>
    <message>
        <source>Group deleted</source>
        <translation>Gruppe gelöscht</translation>
    </message>
    <message>
        <source>%1 deleted a group you were in</source>
        <translation>%1 hat eine Gruppe gelöscht, in der du warst</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Eine Nachricht darf nicht leer sein.</translation>
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: (deleted)</source>
        <translation>%1: (gelöscht)</translation>
    </message>
    <message>
        <source>%1: 📎 %2</source>
        <translation>%1: 📎 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: 📎 %n files</source>
        <translation>
            <numerusform>%1: 📎 %n Datei</numerusform><numerusform>%1: 📎 %n Dateien</numerusform></translation>
    </message>
</context>
<context>
    <name>natter::client::FriendsModel</name>
    <message>
        <source>Wants to be your friend</source>
        <translation>Möchte mit dir befreundet sein</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>Anfrage gesendet</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>Freund</translation>
    </message>
</context>
<context>
    <name>natter::client::MembersModel</name>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
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
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 is no longer there.</source>
        <translation>Die Datei %1 ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>A file could not be uploaded: %1</source>
        <translation>Eine Datei konnte nicht hochgeladen werden: %1</translation>
    </message>
    <message>
        <source>The files of this message were lost; attach them again.</source>
        <translation>Die Dateien dieser Nachricht sind verloren gegangen; hänge sie erneut an.</translation>
    </message>
</context>
<context>
    <name>natter::ui::AddFriendDialog</name>
    <message>
        <source>Add a friend</source>
        <translation>Freund hinzufügen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Search for a username</source>
        <translation>Nach einem Benutzernamen suchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Send friend request</source>
        <translation>Freundschaftsanfrage senden</translation>
    </message>
    <message>
        <source>Find people by the start of their username:</source>
        <translation>Finde Leute über den Anfang ihres Benutzernamens:</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Niemand gefunden.</translation>
    </message>
    <message>
        <source>Could not send the request: %1</source>
        <translation>Die Anfrage konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>Friend request sent to %1.</source>
        <translation>Freundschaftsanfrage an %1 gesendet.</translation>
    </message>
</context>
<context>
    <name>natter::ui::Application</name>
    <message>
        <source>Your session ended (logged out elsewhere or expired). Please log in again.</source>
        <translation>Deine Sitzung ist beendet (anderswo abgemeldet oder abgelaufen). Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Could not read the remembered session: %1</source>
        <translation>Die gemerkte Sitzung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Please log in again: %1</source>
        <translation>Bitte melde dich erneut an: %1</translation>
    </message>
    <message>
        <source>Not remembered</source>
        <translation>Nicht gemerkt</translation>
    </message>
    <message>
        <source>Natter could not save your session in the system keyring, so you will need to log in next time.

%1</source>
        <translation>Natter konnte deine Sitzung nicht im Schlüsselbund des Systems speichern; du musst dich beim nächsten Mal wieder anmelden.

%1</translation>
    </message>
    <message>
        <source>Session kept outside the keyring</source>
        <translation>Sitzung außerhalb des Schlüsselbunds gespeichert</translation>
    </message>
    <message>
        <source>No system keyring is available, so Natter keeps your session in its settings file, where other programs running as you can read it. Log out to remove it, or start a keyring (Secret Service) and log in again.

%1</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher speichert Natter deine Sitzung in seiner Einstellungsdatei, wo andere Programme, die unter deinem Benutzer laufen, sie lesen können. Melde dich ab, um sie zu entfernen, oder starte einen Schlüsselbund (Secret Service) und melde dich erneut an.

%1</translation>
    </message>
    <message>
        <source>An administrator disabled your account. Ask them to enable it again.</source>
        <translation>Ein Administrator hat dein Konto deaktiviert. Bitte ihn, es wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>An administrator ended your sessions. Please log in again (with your new password if it was reset).</source>
        <translation>Ein Administrator hat deine Sitzungen beendet. Bitte melde dich erneut an (mit dem neuen Passwort, falls es zurückgesetzt wurde).</translation>
    </message>
</context>
<context>
    <name>natter::ui::AttachmentStrip</name>
    <message>
        <source>Attachments to send</source>
        <translation>Zu sendende Anhänge</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n files can be sent with one message.</source>
        <translation>
            <numerusform>Mit einer Nachricht kann höchstens %n Datei gesendet werden.</numerusform><numerusform>Mit einer Nachricht können höchstens %n Dateien gesendet werden.</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Fortschritt des Hochladens</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Upload %1 again</source>
        <translation>%1 erneut hochladen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Diese Datei entfernen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Waiting for the connection…</source>
        <translation>Warte auf die Verbindung …</translation>
    </message>
    <message>
        <source>Too large for this server</source>
        <translation>Zu groß für diesen Server</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben …</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Nachricht senden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Pick a conversation on the left, or add a friend to start one.</source>
        <translation>Wähle links eine Unterhaltung oder füge einen Freund hinzu, um eine zu beginnen.</translation>
    </message>
    <message>
        <source>This conversation is closed.</source>
        <translation>Diese Unterhaltung ist geschlossen.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation>%1 schreiben …</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Du bearbeitest deine Nachricht</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Show edit history</source>
        <translation>Bearbeitungsverlauf anzeigen</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Diese Nachricht für alle löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Now — %1</source>
        <translation>Jetzt — %1</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attach files (or drop or paste them here)</source>
        <translation>Dateien anhängen (oder hier ablegen oder einfügen)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>%1 speichern unter …</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen …</translation>
    </message>
    <message>
        <source>Downloading %1… %2%</source>
        <translation>%1 wird heruntergeladen … %2 %</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>%1 unter %2 gespeichert</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>%1 konnte nicht heruntergeladen werden: %2</translation>
    </message>
    <message>
        <source>Send (Enter); the message follows once its files are uploaded</source>
        <translation>Senden (Eingabetaste); die Nachricht folgt, sobald ihre Dateien hochgeladen sind</translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation>Menü der Unterhaltung</translation>
    </message>
    <message>
        <source>Muted: no alerts, except when you are mentioned</source>
        <translation>Stummgeschaltet: keine Hinweise, außer wenn du erwähnt wirst</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stummgeschaltet</translation>
    </message>
</context>
<context>
    <name>natter::ui::ConnectionStatus</name>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reconnect now instead of waiting</source>
        <translation>Jetzt neu verbinden, statt zu warten</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting in %1 s. Messages you write are sent when back.</source>
        <translation>Verbindung verloren – neuer Versuch in %1 s. Was du schreibst, wird gesendet, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting now…</source>
        <translation>Verbindung verloren – verbinde neu …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>natter::ui::ConversationDelegate</name>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
</context>
<context>
    <name>natter::ui::CreateGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Listed in the directory: anyone may join</source>
        <translation>Im Verzeichnis gelistet: jeder darf beitreten</translation>
    </message>
    <message>
        <source>New members see the whole history</source>
        <translation>Neue Mitglieder sehen den ganzen Verlauf</translation>
    </message>
    <message>
        <source>New members see messages from when they joined</source>
        <translation>Neue Mitglieder sehen Nachrichten ab ihrem Beitritt</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;Verlauf:</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>&amp;Einladen:</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt …</translation>
    </message>
    <message>
        <source>Could not create the group: %1</source>
        <translation>Die Gruppe konnte nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::CredentialStore</name>
    <message>
        <source>no system keyring is available (%1)</source>
        <translation>kein Schlüsselbund des Systems verfügbar (%1)</translation>
    </message>
</context>
<context>
    <name>natter::ui::FriendsPanel</name>
    <message>
        <source>Friends and requests</source>
        <translation>Freunde und Anfragen</translation>
    </message>
    <message>
        <source>Add friend…</source>
        <translation>Freund hinzufügen …</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Anfrage zurückziehen</translation>
    </message>
    <message>
        <source>Unfriend</source>
        <translation>Freundschaft beenden</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::GroupsPanel</name>
    <message>
        <source>New group…</source>
        <translation>Neue Gruppe …</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Search open groups</source>
        <translation>Offene Gruppen suchen</translation>
    </message>
    <message>
        <source>Open groups</source>
        <translation>Offene Gruppen</translation>
    </message>
    <message>
        <source>Join group</source>
        <translation>Gruppe beitreten</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation>Beitritt nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::LoginDialog</name>
    <message>
        <source>Natter — Log in</source>
        <translation>Natter — Anmelden</translation>
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation>Willkommen bei Natter</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Auf diesem Computer &amp;angemeldet bleiben</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Konto erstellen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Enter a username of at least %1 characters.</source>
        <translation>Gib einen Benutzernamen mit mindestens %1 Zeichen ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wähle ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Dein Konto wird erstellt …</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Saving your session in the system keyring…</source>
        <translation>Sitzung wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>host:port (or ws://host:port without encryption)</source>
        <translation>Host:Port (oder ws://Host:Port ohne Verschlüsselung)</translation>
    </message>
    <message>
        <source>A bare host:port connects with TLS (wss://); type ws:// to connect without encryption.</source>
        <translation>Ein bloßes Host:Port verbindet mit TLS (wss://); gib ws:// ein, um ohne Verschlüsselung zu verbinden.</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Server in deinem Netzwerk</translation>
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation>&amp;Erneut suchen</translation>
    </message>
    <message>
        <source>On your network:</source>
        <translation>In deinem Netzwerk:</translation>
    </message>
    <message>
        <source>fingerprint %1…</source>
        <translation>Fingerabdruck %1 …</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>keine Verschlüsselung</translation>
    </message>
    <message>
        <source>This server does not use encryption.</source>
        <translation>Dieser Server verwendet keine Verschlüsselung.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (a hint; you are asked to accept the certificate when you connect):
%1</source>
        <translation>Fingerabdruck des Zertifikats (ein Hinweis; beim Verbinden wirst du gefragt, ob du das Zertifikat annimmst):
%1</translation>
    </message>
    <message>
        <source>The certificate of %1 has CHANGED since you accepted it.

Accepted: %2
Now: %3

Accept the new one only if your administrator confirms it.</source>
        <translation>Das Zertifikat von %1 hat sich GEÄNDERT, seit du es akzeptiert hast.

Akzeptiert: %2
Jetzt: %3

Akzeptiere das neue nur, wenn deine Administration es bestätigt.</translation>
    </message>
    <message>
        <source>%1 presents a certificate this computer does not know.

SHA-256 fingerprint:
%2

Accept it only if it matches the fingerprint your administrator published.</source>
        <translation>%1 legt ein Zertifikat vor, das dieser Computer nicht kennt.

SHA-256-Fingerabdruck:
%2

Akzeptiere es nur, wenn es mit dem Fingerabdruck übereinstimmt, den deine Administration veröffentlicht hat.</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Serverzertifikat</translation>
    </message>
    <message>
        <source>This server does not use TLS. Type ws://%1 to connect without encryption.</source>
        <translation>Dieser Server verwendet kein TLS. Gib ws://%1 ein, um ohne Verschlüsselung zu verbinden.</translation>
    </message>
    <message>
        <source>The server's certificate was not accepted.</source>
        <translation>Das Zertifikat des Servers wurde nicht akzeptiert.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MainWindow</name>
    <message>
        <source>Your status</source>
        <translation>Dein Status</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Bitte nicht stören</translation>
    </message>
    <message>
        <source>The group was deleted.</source>
        <translation>Die Gruppe wurde gelöscht.</translation>
    </message>
    <message>
        <source>You are no longer in that group.</source>
        <translation>Du bist nicht mehr in dieser Gruppe.</translation>
    </message>
    <message>
        <source>Filter conversations (Ctrl+K)</source>
        <translation>Unterhaltungen filtern (Strg+K)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Friends (%1)</source>
        <translation>Freunde (%1)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Add friend…</source>
        <translation>Freund &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;New group…</source>
        <translation>&amp;Neue Gruppe …</translation>
    </message>
    <message>
        <source>&amp;Invite friends…</source>
        <translation>Freunde &amp;einladen …</translation>
    </message>
    <message>
        <source>Group &amp;settings…</source>
        <translation>Gruppen&amp;einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Leave group</source>
        <translation>Gruppe &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>&amp;Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>N&amp;ext conversation</source>
        <translation>Nä&amp;chste Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Find conversation</source>
        <translation>Unterhaltung &amp;finden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;members</source>
        <translation>&amp;Mitglieder anzeigen</translation>
    </message>
    <message>
        <source>&amp;Chats</source>
        <translation>&amp;Chats</translation>
    </message>
    <message>
        <source>&amp;Friends</source>
        <translation>&amp;Freunde</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Gruppen</translation>
    </message>
    <message>
        <source>Go to &amp;newest message</source>
        <translation>Zur &amp;neuesten Nachricht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>&amp;Über Natter</translation>
    </message>
    <message>
        <source>About Natter</source>
        <translation>Über Natter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;Chat on your local network.</source>
        <translation>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;Chatten im lokalen Netzwerk.</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Show Natter</source>
        <translation>Natter anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1 (mentioned you)</source>
        <translation>%1 (hat dich erwähnt)</translation>
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
            <numerusform>Natter: %n ungelesen</numerusform><numerusform>Natter: %n ungelesen</numerusform></translation>
    </message>
    <message>
        <source>Invite friends to %1</source>
        <translation>Freunde in %1 einladen</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>Gruppeneinstellungen</translation>
    </message>
    <message>
        <source>Listed in the directory: anyone may join</source>
        <translation>Im Verzeichnis gelistet: jeder darf beitreten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>You own "%1". Delete the group for everyone?</source>
        <translation>Dir gehört „%1“. Die Gruppe für alle löschen?</translation>
    </message>
    <message>
        <source>Leave "%1"?</source>
        <translation>„%1“ verlassen?</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Aus der Gruppe entfernen</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Zum Admin machen</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Admin-Rechte entziehen</translation>
    </message>
    <message>
        <source>Make owner</source>
        <translation>Zum Eigentümer machen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>&amp;Search messages</source>
        <translation>Nachrichten &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Not sent: %1. Right-click to retry.</source>
        <translation>Nicht gesendet: %1. Rechtsklick zum erneuten Senden.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>deleted message</source>
        <translation>gelöschte Nachricht</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>eine frühere Nachricht</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message numerus="yes">
        <source>Sending with %n file(s)…</source>
        <translation>
            <numerusform>Wird mit %n Datei gesendet …</numerusform><numerusform>Wird mit %n Dateien gesendet …</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s): %1 %</source>
        <translation>
            <numerusform>%n Datei wird hochgeladen: %1 %</numerusform><numerusform>%n Dateien werden hochgeladen: %1 %</numerusform></translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomMenu</name>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Stummschalten</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>Stummschaltung &amp;aufheben</translation>
    </message>
    <message>
        <source>No notifications and no unread total for this conversation, except when you are mentioned</source>
        <translation>Keine Benachrichtigungen und keine Zählung ungelesener Nachrichten für diese Unterhaltung, außer wenn du erwähnt wirst</translation>
    </message>
    <message>
        <source>Notify about this conversation again</source>
        <translation>Wieder über diese Unterhaltung benachrichtigen</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Could not change the setting: %1</source>
        <translation>Die Einstellung konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::SearchPanel</name>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Nachrichten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten suchen</translation>
    </message>
    <message>
        <source>Only in this conversation</source>
        <translation>Nur in dieser Unterhaltung</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Keine Nachrichten gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform><numerusform>%n Treffer</numerusform></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
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
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Show notifications for new messages and requests</source>
        <translation>Benachrichtigungen für neue Nachrichten und Anfragen anzeigen</translation>
    </message>
    <message>
        <source>Enter sends the message (Shift+Enter for a new line)</source>
        <translation>Eingabetaste sendet (Umschalt+Eingabe für neue Zeile)</translation>
    </message>
    <message>
        <source>A new language applies after restarting Natter.</source>
        <translation>Eine neue Sprache gilt nach dem Neustart von Natter.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>&amp;Schriftgröße:</translation>
    </message>
    <message>
        <source>Language and notifications</source>
        <translation>Sprache und Benachrichtigungen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Current server: %1
Certificate: %2</source>
        <translation>Aktueller Server: %1
Zertifikat: %2</translation>
    </message>
    <message>
        <source>Remembered servers</source>
        <translation>Gemerkte Server</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remembered servers:</source>
        <translation>Gemerkte Server:</translation>
    </message>
    <message>
        <source>none (not encrypted)</source>
        <translation>keines (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>not pinned (verified by the system, or not yet seen)</source>
        <translation>nicht gespeichert (vom System geprüft oder noch nicht gesehen)</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <source>Edit server</source>
        <translation>Server bearbeiten</translation>
    </message>
    <message>
        <source>Server address (host:port):</source>
        <translation>Serveradresse (Host:Port):</translation>
    </message>
</context>
</TS>