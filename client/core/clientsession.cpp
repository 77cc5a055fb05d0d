#include "core/clientsession.h"

#include <QLoggingCategory>
#include <utility>

namespace natter::client {

namespace {

Q_LOGGING_CATEGORY(lcSession, "natter.client.session")

/// Close code the server uses when another connection logged out with the same token
/// (docs/protocol.md §9): the token is revoked, so resuming is pointless.
constexpr int closeLoggedOut = 4004;
constexpr int closeAccountDisabled = 4006;
constexpr int closeSessionRevoked = 4007;

} // namespace

ClientSession::ClientSession(QObject *parent) : QObject(parent), m_connection(new Connection(this))
{
    m_reconnectTimer.setSingleShot(true);
    m_reconnectTimer.setTimerType(Qt::PreciseTimer); // the UI counts down to it
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ClientSession::attemptReconnect);
    connect(m_connection, &Connection::ready, this, &ClientSession::onConnectionReady);
    connect(m_connection, &Connection::handshakeFailed, this,
            [this](const ProtocolError &error) { m_handshakeError = error; });
    connect(m_connection, &Connection::disconnected, this, &ClientSession::onConnectionLost);
    connect(m_connection, &Connection::messageReceived, this, &ClientSession::onLiveMessage);
    connect(m_connection, &Connection::friendChanged, this, &ClientSession::friendChanged);
    connect(m_connection, &Connection::roomChanged, this, &ClientSession::onRoomEvent);
    connect(m_connection, &Connection::roomRemoved, this, [this](const RoomRemovedEvent &e) {
        m_rooms.remove(e.roomId);
        emit roomRemoved(e.roomId, e.reason);
    });
}

ClientSession::~ClientSession()
{
    m_connection->disconnect(this);
}

void ClientSession::setAutoReconnect(bool on)
{
    m_autoReconnect = on;
    if (!on && m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        setState(State::Offline);
    }
}

void ClientSession::setCursors(const QHash<RoomId, Seq> &cursors)
{
    m_cursors.reset(cursors);
    m_cursorsKnown = true;
    requestSync();
}

void ClientSession::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcSession) << "state" << state;
    m_state = state;
    emit stateChanged(state);
}

// ---- authentication -----------------------------------------------------------------------

template <class Req>
void ClientSession::authenticate(const Req &request, ReplyCallback<SessionReply> callback)
{
    m_reconnectTimer.stop();
    const bool establishing = m_state != State::Syncing && m_state != State::Online;
    if (establishing)
        setState(m_connection->state() == Connection::State::Ready ? State::Authenticating
                                                                   : State::Connecting);
    whenReady([this, request, callback, establishing](const std::optional<ProtocolError> &error) {
        if (error) {
            if (callback)
                callback(Reply<SessionReply>{std::nullopt, *error});
            return;
        }
        if (establishing && m_state == State::Connecting)
            setState(State::Authenticating);
        m_connection->send(request, this, [this, callback](const Reply<SessionReply> &reply) {
            if (reply.ok()) {
                onAuthenticated(*reply.value);
            } else if (m_state == State::Connecting || m_state == State::Authenticating) {
                m_wantOnline = false;
                setState(State::Offline);
            }
            if (callback)
                callback(reply);
        });
    });
}

void ClientSession::signup(const QString &username, const QString &password,
                           ReplyCallback<SessionReply> callback)
{
    SignupRequest request;
    request.username = username;
    request.password = password;
    request.device = m_device;
    authenticate(request, std::move(callback));
}

void ClientSession::login(const QString &username, const QString &password,
                          ReplyCallback<SessionReply> callback)
{
    LoginRequest request;
    request.username = username;
    request.password = password;
    request.device = m_device;
    authenticate(request, std::move(callback));
}

void ClientSession::resume(const QString &token, ReplyCallback<SessionReply> callback)
{
    ResumeRequest request;
    request.token = token;
    authenticate(request, std::move(callback));
}

void ClientSession::onAuthenticated(const SessionReply &session)
{
    if (m_cursorOwner.isValid() && m_cursorOwner != session.user.id) {
        qCDebug(lcSession) << "another user logged in; forgetting cursors";
        m_cursors.reset();
        m_rooms.clear();
        m_cursorsKnown = false;
    }
    m_cursorOwner = session.user.id;
    m_token = session.token;
    m_user = session.user;
    m_wantOnline = true;
    startFullSync();
}

void ClientSession::logout(ReplyCallback<EmptyReply> callback)
{
    m_connection->send(LogoutRequest{}, this, [this, callback](const Reply<EmptyReply> &reply) {
        if (reply.ok()) {
            m_wantOnline = false;
            m_token.clear();
            m_reconnectTimer.stop();
            m_connection->close();
            setState(State::Offline);
        }
        if (callback)
            callback(reply);
    });
}

// ---- connection lifecycle -----------------------------------------------------------------

void ClientSession::whenReady(ReadyWaiter waiter)
{
    if (m_connection->state() == Connection::State::Ready) {
        waiter(std::nullopt);
        return;
    }
    m_readyWaiters.append(std::move(waiter));
    if (m_connection->state() == Connection::State::Disconnected) {
        m_handshakeError.reset();
        m_connection->open(m_url);
    }
}

void ClientSession::onConnectionReady()
{
    const QList<ReadyWaiter> waiters = std::exchange(m_readyWaiters, {});
    for (const ReadyWaiter &waiter : waiters)
        waiter(std::nullopt);
}

void ClientSession::onConnectionLost(int closeCode, const QString &reason)
{
    ++m_generation;
    m_syncRunning = m_fullSync = m_syncAgain = false;
    const ProtocolError error = m_handshakeError.value_or(
        ProtocolError{ErrorCode::Unavailable, QStringLiteral("connection lost: %1").arg(reason)});
    m_handshakeError.reset();
    qCDebug(lcSession) << "connection lost:" << closeCode << reason;
    if (closeCode == closeLoggedOut && m_wantOnline) {
        invalidateSession({ErrorCode::InvalidToken, reason});
    } else if (closeCode == closeAccountDisabled && m_wantOnline) {
        invalidateSession({ErrorCode::AccountDisabled, errorCodeText(ErrorCode::AccountDisabled)});
    } else if (closeCode == closeSessionRevoked && m_wantOnline) {
        invalidateSession({ErrorCode::SessionRevoked, errorCodeText(ErrorCode::SessionRevoked)});
    } else if (shouldReconnect()) {
        scheduleReconnect();
    } else {
        m_reconnectTimer.stop();
        setState(State::Offline);
    }
    const QList<ReadyWaiter> waiters = std::exchange(m_readyWaiters, {});
    for (const ReadyWaiter &waiter : waiters)
        waiter(error);
}

bool ClientSession::shouldReconnect() const
{
    return m_wantOnline && m_autoReconnect && !m_token.isEmpty();
}

void ClientSession::scheduleReconnect()
{
    const int delay = m_backoff.next();
    m_lastDelay = delay;
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
    qCDebug(lcSession) << "reconnecting in" << delay << "ms";
    emit reconnectScheduled(delay);
}

QDateTime ClientSession::nextAttemptAt() const
{
    const qint64 left = msUntilNextAttempt();
    return left < 0 ? QDateTime() : QDateTime::currentDateTimeUtc().addMSecs(left);
}

qint64 ClientSession::msUntilNextAttempt() const
{
    if (!m_reconnectTimer.isActive())
        return -1;
    return qBound(0, m_reconnectTimer.remainingTime(), m_lastDelay);
}

void ClientSession::disconnectFromServer()
{
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_connection->close();
    setState(State::Offline);
}

void ClientSession::reconnectNow()
{
    if (m_token.isEmpty()) {
        qCWarning(lcSession) << "reconnectNow: no session to resume";
        return;
    }
    const bool waiting = m_reconnectTimer.isActive();
    m_reconnectTimer.stop();
    m_wantOnline = true;
    if (waiting || m_state == State::Offline)
        attemptReconnect();
}

void ClientSession::attemptReconnect()
{
    if (!m_wantOnline || m_token.isEmpty()) {
        setState(State::Offline);
        return;
    }
    setState(State::Reconnecting);
    // On failure onConnectionLost() schedules the next attempt.
    whenReady([this](const std::optional<ProtocolError> &error) {
        if (!error)
            resumeSession();
    });
}

void ClientSession::resumeSession()
{
    const quint64 generation = m_generation;
    ResumeRequest request;
    request.token = m_token;
    m_connection->send(request, this, [this, generation](const Reply<SessionReply> &reply) {
        if (generation != m_generation)
            return;
        if (reply.ok()) {
            onAuthenticated(*reply.value);
        } else if (reply.error.code == ErrorCode::InvalidToken) {
            invalidateSession(reply.error);
        } else {
            qCWarning(lcSession) << "resume failed:" << reply.error.message;
            m_connection->close(); // onConnectionLost() retries with backoff
        }
    });
}

void ClientSession::invalidateSession(const ProtocolError &error)
{
    qCWarning(lcSession) << "session is no longer valid:" << error.message;
    m_wantOnline = false;
    m_token.clear();
    m_reconnectTimer.stop();
    setState(State::Offline);
    emit sessionInvalid(error);
}

} // namespace natter::client
