#pragma once
// "Remember me": the session token in the system keyring through QtKeychain. The password is
// never stored. Without a keyring (no Secret Service running) every call reports an error the
// UI shows, and nothing is written anywhere else.

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

    void store(const QString &account, const QString &token, Done done);
    void load(const QString &account, Loaded done);
    void remove(const QString &account, Done done = {});

    /// The keyring entry name for a user on a server.
    static QString accountKey(const QString &server, const QString &username);
};

} // namespace natter::ui
