<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>FriendPicker</name>
    <message>
        <source>Friends to invite</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>%1 created the room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 renamed the room to "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 set the topic to "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 made %2 %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 made %2 the owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter chat client</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server to connect to (host:port).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Username to fill in.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::client::ClientController</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Friend request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 wants to be your friend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New friend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 accepted your friend request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 invited you to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed you from a group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 deleted a group you were in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::client::ConversationListModel</name>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: (deleted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: 📎 %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: 📎 %n files</source>
        <translation>
            <numerusform>%1: 📎 %n file</numerusform><numerusform>%1: 📎 %n files</numerusform></translation>
    </message>
</context>
<context>
    <name>natter::client::FriendsModel</name>
    <message>
        <source>Wants to be your friend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Request sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Friend</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::client::MembersModel</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::client::PendingUploads</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file %1 is no longer there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A file could not be uploaded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The files of this message were lost; attach them again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::AddFriendDialog</name>
    <message>
        <source>Add a friend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search for a username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send friend request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find people by the start of their username:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not send the request: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Friend request sent to %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::Application</name>
    <message>
        <source>Your session ended (logged out elsewhere or expired). Please log in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read the remembered session: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please log in again: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not remembered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Natter could not save your session in the system keyring, so you will need to log in next time.

%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session kept outside the keyring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system keyring is available, so Natter keeps your session in its settings file, where other programs running as you can read it. Log out to remove it, or start a keyring (Secret Service) and log in again.

%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An administrator disabled your account. Ask them to enable it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An administrator ended your sessions. Please log in again (with your new password if it was reset).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::AttachmentStrip</name>
    <message>
        <source>Attachments to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>At most %n files can be sent with one message.</source>
        <translation>
            <numerusform>At most %n file can be sent with one message.</numerusform><numerusform>At most %n files can be sent with one message.</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upload %1 again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for the connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too large for this server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::ChatView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach files (or drop or paste them here)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a conversation on the left, or add a friend to start one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This conversation is closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Editing your message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show edit history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Now — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Downloading %1… %2%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send (Enter); the message follows once its files are uploaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation menu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Muted: no alerts, except when you are mentioned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Muted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::ConnectionStatus</name>
    <message>
        <source>Connection state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try to reconnect now instead of waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection lost — reconnecting in %1 s. Messages you write are sent when back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection lost — reconnecting now…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::ConversationDelegate</name>
    <message>
        <source>Closed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::CreateGroupDialog</name>
    <message>
        <source>New group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Listed in the directory: anyone may join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New members see the whole history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New members see messages from when they joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;History:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not create the group: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::CredentialStore</name>
    <message>
        <source>no system keyring is available (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::FriendsPanel</name>
    <message>
        <source>Friends and requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add friend…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unblock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unfriend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::GroupsPanel</name>
    <message>
        <source>New group…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search open groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::LoginDialog</name>
    <message>
        <source>Natter — Log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Welcome to Natter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a username of at least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating your account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving your session in the system keyring…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>host:port (or ws://host:port without encryption)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A bare host:port connects with TLS (wss://); type ws:// to connect without encryption.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Servers on your network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On your network:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fingerprint %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no encryption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server does not use encryption.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate fingerprint (a hint; you are asked to accept the certificate when you connect):
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The certificate of %1 has CHANGED since you accepted it.

Accepted: %2
Now: %3

Accept the new one only if your administrator confirms it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 presents a certificate this computer does not know.

SHA-256 fingerprint:
%2

Accept it only if it matches the fingerprint your administrator published.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server does not use TLS. Type ws://%1 to connect without encryption.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate was not accepted.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::MainWindow</name>
    <message>
        <source>Your status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The group was deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are no longer in that group.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter conversations (Ctrl+K)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Friends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Friends (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Natter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add friend…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New group…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Invite friends…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group &amp;settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Leave group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>N&amp;ext conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show &amp;members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Friends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to &amp;newest message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Natter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Natter&lt;/b&gt; %1&lt;br&gt;Chat on your local network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Natter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Natter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (mentioned you)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(%1) Natter — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Natter — %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Natter: %n unread</source>
        <translation>
            <numerusform>Natter: %n unread</numerusform><numerusform>Natter: %n unread</numerusform></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invite friends to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Listed in the directory: anyone may join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You own "%1". Delete the group for everyone?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave "%1"?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove from group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::MessageDelegate</name>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Sending with %n file(s)…</source>
        <translation>
            <numerusform>Sending with %n file…</numerusform><numerusform>Sending with %n files…</numerusform></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: %1. Right-click to retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>deleted message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an earlier message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(edited)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Uploading %n file(s): %1 %</source>
        <translation>
            <numerusform>Uploading %n file: %1 %</numerusform><numerusform>Uploading %n files: %1 %</numerusform></translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomMenu</name>
    <message>
        <source>&amp;Mute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No notifications and no unread total for this conversation, except when you are mentioned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notify about this conversation again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not change the setting: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::SearchPanel</name>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only in this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No messages found.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::SearchResultDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>natter::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show notifications for new messages and requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter sends the message (Shift+Enter for a new line)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new language applies after restarting Natter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language and notifications</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current server: %1
Certificate: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remembered servers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remembered servers:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none (not encrypted)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not pinned (verified by the system, or not yet seen)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address (host:port):</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>