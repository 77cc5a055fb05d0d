#include "core/localcache.h"

#include "core/messagechanges.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <atomic>

namespace natter::client {

namespace {

Q_LOGGING_CATEGORY(lcCache, "natter.client.cache")

/// Migrations compiled in from client/core/sql/, by number (numbers may have gaps: branches
/// reserve them).
const QMap<int, QString> &migrationFiles()
{
    static const QMap<int, QString> files = {
        {1, QStringLiteral(":/natter/client/sql/0001_initial.sql")},
        {2, QStringLiteral(":/natter/client/sql/0002_lifecycle.sql")},
        {3, QStringLiteral(":/natter/client/sql/0003_attachments.sql")},
        {4, QStringLiteral(":/natter/client/sql/0004_room_mute.sql")},
        {5, QStringLiteral(":/natter/client/sql/0005_pending_uploads.sql")}};
    return files;
}

QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

template <class T>
std::optional<T> fromText(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    JsonReader r(o);
    T value = T::fromJson(r);
    if (!r.ok())
        return std::nullopt;
    return value;
}

QString safeName(QString s)
{
    for (QChar &c : s)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_')
            && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    return s.isEmpty() ? QStringLiteral("_") : s;
}

} // namespace

LocalCache::LocalCache()
{
    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("natter-cache-%1").arg(++counter);
}

LocalCache::~LocalCache()
{
    close();
}

QString LocalCache::defaultPath(const QString &server, const QString &username)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + QStringLiteral("/cache/") + safeName(server) + QLatin1Char('/')
        + safeName(username.toLower()) + QStringLiteral(".sqlite");
}

bool LocalCache::open(const QString &path, QString *error)
{
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        close();
        return false;
    }
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!migrate(error)) {
        close();
        return false;
    }
    return true;
}

void LocalCache::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

int LocalCache::latestSchemaVersion()
{
    return migrationFiles().lastKey();
}

int LocalCache::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QSet<int> LocalCache::appliedMigrations()
{
    // Caches from before numbered gaps recorded only PRAGMA user_version, having applied
    // 1..user_version without gaps; the table takes over from there.
    QSet<int> applied;
    QSqlQuery q(m_db);
    const bool hadTable = q.exec(QStringLiteral("SELECT version FROM cache_migrations"));
    while (hadTable && q.next())
        applied.insert(q.value(0).toInt());
    if (!hadTable) {
        exec(QStringLiteral("CREATE TABLE cache_migrations (version INTEGER PRIMARY KEY)"));
        for (int v = 1; v <= schemaVersion(); ++v) {
            exec(QStringLiteral("INSERT INTO cache_migrations(version) VALUES(?)"), {v});
            applied.insert(v);
        }
    }
    return applied;
}

bool LocalCache::applyMigration(int version, const QString &file, QString *error)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("missing migration %1").arg(version);
        return false;
    }
    // Comment lines go first (they may hold ';'), then one statement per ';'.
    QString script;
    for (const QString &line : QString::fromUtf8(in.readAll()).split(QLatin1Char('\n')))
        if (!line.trimmed().startsWith(QLatin1String("--")))
            script += line + QLatin1Char('\n');
    m_db.transaction();
    bool ok = true;
    for (const QString &sql : script.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!sql.trimmed().isEmpty() && !exec(sql))
            ok = false;
    ok = ok && exec(QStringLiteral("INSERT INTO cache_migrations(version) VALUES(?)"), {version});
    ok = ok && exec(QStringLiteral("PRAGMA user_version=%1").arg(qMax(version, schemaVersion())));
    if (!ok || !m_db.commit()) {
        m_db.rollback();
        if (error)
            *error = QStringLiteral("migration %1 failed: %2").arg(version).arg(m_db.lastError().text());
        return false;
    }
    qCDebug(lcCache) << "applied cache migration" << version;
    return true;
}

bool LocalCache::migrate(QString *error)
{
    const int current = schemaVersion();
    const QSet<int> applied = appliedMigrations();
    const auto unknown = std::find_if(applied.begin(), applied.end(),
                                      [](int v) { return !migrationFiles().contains(v); });
    if (current > latestSchemaVersion() || unknown != applied.end()) {
        if (error)
            *error = QStringLiteral("cache schema %1 is newer than this client (%2)")
                         .arg(current)
                         .arg(latestSchemaVersion());
        return false;
    }
    // Every known migration not yet applied, in number order.
    for (auto it = migrationFiles().cbegin(); it != migrationFiles().cend(); ++it)
        if (!applied.contains(it.key()) && !applyMigration(it.key(), it.value(), error))
            return false;
    return true;
}

bool LocalCache::exec(const QString &sql, const QVariantList &values) const
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db);
    if (!q.prepare(sql)) {
        qCWarning(lcCache) << "prepare failed:" << q.lastError().text() << sql;
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcCache) << "exec failed:" << q.lastError().text() << sql;
        return false;
    }
    return true;
}

// ---- rooms --------------------------------------------------------------------------------

QList<Room> LocalCache::rooms() const
{
    QList<Room> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT json, muted FROM rooms"));
    while (q.next()) {
        if (auto room = fromText<Room>(q.value(0).toString())) {
            room->muted = q.value(1).toBool();
            out.append(*room);
        }
    }
    return out;
}

void LocalCache::saveRooms(const QList<Room> &rooms)
{
    if (!isOpen())
        return;
    m_db.transaction();
    exec(QStringLiteral("DELETE FROM rooms"));
    for (const Room &room : rooms)
        saveRoom(room);
    m_db.commit();
}

void LocalCache::saveRoom(const Room &room)
{
    Room stored = room;
    if (!stored.readSeq)
        stored.readSeq = 0; // the JSON carries the read counters only with a read marker
    exec(QStringLiteral("INSERT OR REPLACE INTO rooms(id, json, muted) VALUES(?, ?, ?)"),
         {room.id.value, toText(stored.toJson()), room.muted ? 1 : 0});
}

void LocalCache::removeRoom(RoomId room)
{
    if (!isOpen())
        return;
    m_db.transaction();
    exec(QStringLiteral("DELETE FROM rooms WHERE id = ?"), {room.value});
    exec(QStringLiteral("DELETE FROM messages WHERE room_id = ?"), {room.value});
    exec(QStringLiteral("DELETE FROM cursors WHERE room_id = ?"), {room.value});
    m_db.commit();
}

// ---- messages -----------------------------------------------------------------------------

void LocalCache::saveMessages(const QList<Message> &messages)
{
    if (!isOpen() || messages.isEmpty())
        return;
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO messages(room_id, seq, json, message_id, "
                             "reply_to) VALUES(?, ?, ?, ?, ?)"));
    for (const Message &m : messages) {
        q.addBindValue(m.roomId.value);
        q.addBindValue(m.seq);
        q.addBindValue(toText(m.toJson()));
        q.addBindValue(m.id.value);
        q.addBindValue(m.replyTo.isValid() ? QVariant(m.replyTo.value) : QVariant());
        if (!q.exec())
            qCWarning(lcCache) << "storing a message failed:" << q.lastError().text();
    }
    m_db.commit();
}

QList<Message> LocalCache::messagesBefore(RoomId room, Seq beforeSeq, int limit) const
{
    QList<Message> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE room_id = ? AND seq < ? "
                             "ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(room.value);
    q.addBindValue(beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    q.addBindValue(limit);
    q.exec();
    while (q.next())
        if (auto m = fromText<Message>(q.value(0).toString()))
            out.prepend(*m);
    return out;
}

void LocalCache::applyChange(const Message &entry)
{
    if (!isOpen() || !isMessageChange(entry))
        return;
    QList<Message> changed;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE room_id = ? AND (message_id = ? "
                             "OR reply_to = ?)"));
    q.addBindValue(entry.roomId.value);
    q.addBindValue(entry.targetId.value);
    q.addBindValue(entry.targetId.value);
    q.exec();
    while (q.next())
        if (auto m = fromText<Message>(q.value(0).toString()); m && applyMessageChange(*m, entry))
            changed.append(*m);
    saveMessages(changed);
}

std::optional<Message> LocalCache::message(RoomId room, MessageId id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE room_id = ? AND message_id = ? LIMIT 1"));
    q.addBindValue(room.value);
    q.addBindValue(id.value);
    q.exec();
    return q.next() ? fromText<Message>(q.value(0).toString()) : std::nullopt;
}

int LocalCache::messageCount(RoomId room) const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE room_id = ?"));
    q.addBindValue(room.value);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

// ---- cursors ------------------------------------------------------------------------------

QHash<RoomId, Seq> LocalCache::cursors() const
{
    QHash<RoomId, Seq> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT room_id, seq FROM cursors"));
    while (q.next())
        out.insert(RoomId(q.value(0).toLongLong()), q.value(1).toLongLong());
    return out;
}

void LocalCache::saveCursors(const QHash<RoomId, Seq> &cursors)
{
    if (!isOpen())
        return;
    m_db.transaction();
    exec(QStringLiteral("DELETE FROM cursors"));
    for (auto it = cursors.begin(); it != cursors.end(); ++it)
        exec(QStringLiteral("INSERT INTO cursors(room_id, seq) VALUES(?, ?)"),
             {it.key().value, it.value()});
    m_db.commit();
}

// ---- outbox -------------------------------------------------------------------------------

namespace {
/// Attachment ids as stored in outbox.attachment_ids: decimal, comma-separated.
QString attachmentIdList(const QList<AttachmentId> &ids)
{
    QStringList out;
    for (AttachmentId id : ids)
        out.append(QString::number(id.value));
    return out.join(u',');
}
} // namespace

QList<OutboxEntry> LocalCache::outbox() const
{
    QList<OutboxEntry> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT client_msg_id, room_id, body, created_at, failed, error, "
                          "reply_to, attachment_ids, waiting_files FROM outbox ORDER BY position"));
    while (q.next()) {
        OutboxEntry e{q.value(0).toString(), RoomId(q.value(1).toLongLong()), q.value(2).toString(),
                      q.value(3).toLongLong(), q.value(4).toBool(), q.value(5).toString(),
                      MessageId(q.value(6).toLongLong())};
        const QStringList ids = q.value(7).toString().split(u',', Qt::SkipEmptyParts);
        for (const QString &id : ids)
            e.attachmentIds.append(AttachmentId(id.toLongLong()));
        e.waitingFiles = q.value(8).toInt();
        out.append(e);
    }
    return out;
}

void LocalCache::addOutbox(const OutboxEntry &e)
{
    exec(QStringLiteral("INSERT OR REPLACE INTO outbox(client_msg_id, room_id, body, created_at, "
                        "failed, error, reply_to, attachment_ids, waiting_files) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         {e.clientMsgId, e.roomId.value, e.body.isNull() ? QStringLiteral("") : e.body, e.createdAt, e.failed, e.error, e.replyTo.value,
          attachmentIdList(e.attachmentIds), e.waitingFiles});
}

void LocalCache::removeOutbox(const QString &clientMsgId)
{
    m_db.transaction();
    exec(QStringLiteral("DELETE FROM outbox WHERE client_msg_id = ?"), {clientMsgId});
    exec(QStringLiteral("DELETE FROM pending_uploads WHERE client_msg_id = ?"), {clientMsgId});
    m_db.commit();
}

void LocalCache::addOutbox(const OutboxEntry &entry, const QList<PendingUpload> &uploads)
{
    m_db.transaction();
    addOutbox(entry);
    for (const PendingUpload &u : uploads)
        exec(QStringLiteral("INSERT OR REPLACE INTO pending_uploads(client_msg_id, position, path, "
                            "name, mime_type, size, sha256, upload_id, stored, attachment_id) "
                            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {entry.clientMsgId, u.position, u.path, u.name, u.mimeType, u.size, u.sha256,
              u.uploadId, u.stored, u.attachmentId.value});
    m_db.commit();
}

QList<PendingUpload> LocalCache::pendingUploads() const
{
    QList<PendingUpload> out;
    if (!isOpen())
        return out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT u.client_msg_id, u.position, u.path, u.name, u.mime_type, u.size, "
                          "u.sha256, u.upload_id, u.stored, u.attachment_id FROM pending_uploads u "
                          "JOIN outbox o ON o.client_msg_id = u.client_msg_id "
                          "ORDER BY o.position, u.position"));
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toLongLong(),
                    AttachmentId(q.value(9).toLongLong())});
    return out;
}

void LocalCache::setUploadProgress(const QString &clientMsgId, int position, const QString &uploadId,
                                   qint64 stored)
{
    exec(QStringLiteral("UPDATE pending_uploads SET upload_id = ?, stored = ? "
                        "WHERE client_msg_id = ? AND position = ?"),
         {uploadId, stored, clientMsgId, position});
}

void LocalCache::setUploadFinished(const QString &clientMsgId, int position, AttachmentId attachment)
{
    exec(QStringLiteral("UPDATE pending_uploads SET attachment_id = ?, stored = size "
                        "WHERE client_msg_id = ? AND position = ?"),
         {attachment.value, clientMsgId, position});
}

void LocalCache::completeUploads(const QString &clientMsgId, const QList<AttachmentId> &attachments)
{
    m_db.transaction();
    exec(QStringLiteral("UPDATE outbox SET attachment_ids = ?, waiting_files = 0 WHERE client_msg_id = ?"),
         {attachmentIdList(attachments), clientMsgId});
    exec(QStringLiteral("DELETE FROM pending_uploads WHERE client_msg_id = ?"), {clientMsgId});
    m_db.commit();
}

void LocalCache::setOutboxFailed(const QString &clientMsgId, bool failed, const QString &error)
{
    exec(QStringLiteral("UPDATE outbox SET failed = ?, error = ? WHERE client_msg_id = ?"),
         {failed, error, clientMsgId});
}

// ---- settings -----------------------------------------------------------------------------

QString LocalCache::setting(const QString &key, const QString &fallback) const
{
    if (!isOpen())
        return fallback;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : fallback;
}

void LocalCache::setSetting(const QString &key, const QString &value)
{
    exec(QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)"), {key, value});
}

} // namespace natter::client
