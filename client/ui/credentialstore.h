#pragma once
// "Remember me": the session token in the system keyring through QtKeychain. The password is
// never stored. Without a keyring (no Secret Service running) the token is kept in the
// application's settings store instead, and fallbackUsed() tells the UI, which says so.

#include <QObject>
#include <functional>

namespace natter::ui {

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    /// `error` is empty on success.
    using Done = std::function<void(const QString &error)>;
    using Loaded = std::function<void(const QString &token, const QString &error)>;

    explicit CredentialStore(QObject *parent = nullptr) : QObject(parent) {}

    /// Writes the token to the keyring, or (no keyring) to the settings store, emitting
    /// fallbackUsed() first; `done` gets an error only if neither worked.
    void store(const QString &account, const QString &token, Done done);
    /// Reads the token from the keyring, else from the settings store (emitting fallbackUsed()
    /// when it is found there). An empty token without error: nothing remembered.
    void load(const QString &account, Loaded done);
    /// Forgets the token everywhere (keyring and settings store).
    void remove(const QString &account, Done done = {});

    /// The keyring entry name for a user on a server.
    static QString accountKey(const QString &server, const QString &username);

signals:
    /// The keyring is unavailable (`why`), so the token lives in the settings store, which is
    /// less protected: the UI must tell the user.
    void fallbackUsed(const QString &why);

private:
    static QString fallbackKey(const QString &account);
    static void forgetFallback(const QString &account);
};

} // namespace natter::ui
