// natter-seed: fills a new natterd database for a benchmark, before natterd starts, through the
// server's own storage code (openConnection, Migrator, repositories), and writes the plan that
// natter-load reads (users, their session tokens, the direct rooms, the history room).
//
// No argon2 per user: one argon2id hash (crypto_pwhash_str, INTERACTIVE) of the shared password
// is stored for every user, so logins with that password are real and seeding stays fast.
//
// --corpus N adds N messages of varied text over --corpus-rooms group rooms for the search
// scenario (corpus.h).
#include "corpus.h"

#include "auth/sessiontokens.h"
#include "storage/migrator.h"
#include "storage/repositories.h"
#include "storage/sqlconnection.h"
#include "storage/statement.h"
#include "storage/storageconfig.h"
#include "storage/storageerror.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <cstdio>
#include <sodium.h>

using namespace natter;
using namespace natter::server;

namespace {

constexpr qint64 sessionLifetimeMs = qint64(30) * 24 * 3600 * 1000;

struct SeedOptions
{
    QString database;
    QString planPath;
    QString password;
    int users = 0;
    int pairs = 0;      ///< users (0,1), (2,3), … become friends with a direct room
    qint64 history = 0; ///< messages stored in the room of pair (0,1)
    natter::bench::CorpusOptions corpus;
};

struct Seeded
{
    QList<User> users;
    QStringList tokens;
    QList<RoomId> pairRooms;
};

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return QString::fromLatin1(raw.toHex());
}

QString hashPassword(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw StorageError(QStringLiteral("argon2id hashing failed (out of memory?)"));
    return QString::fromLatin1(out);
}

/// Users, one session each, and the friendships with their direct rooms, in one transaction.
Seeded seedAccounts(Repositories &repos, const SeedOptions &o, const QString &passwordHash)
{
    Seeded s;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlDatabase &db = repos.database();
    db.transaction();
    for (int i = 0; i < o.users; ++i) {
        const std::optional<User> user = repos.users.create(
            QStringLiteral("bench%1").arg(i, 5, 10, QLatin1Char('0')), passwordHash, now);
        if (!user)
            throw StorageError(
                QStringLiteral("user %1 exists already: seed a new database").arg(i));
        const QString token = QStringLiteral("bench-%1-%2").arg(i).arg(randomHex(12));
        repos.sessions.create(hashSessionToken(token), user->id, QStringLiteral("bench"), now,
                              now + sessionLifetimeMs);
        s.users.append(*user);
        s.tokens.append(token);
    }
    for (int p = 0; p < o.pairs; ++p) {
        const UserId a = s.users[2 * p].id;
        const UserId b = s.users[2 * p + 1].id;
        const RoomId room = repos.rooms.createDirect(a, b, now);
        repos.friends.addFriendship(a, b, room, now);
        s.pairRooms.append(room);
    }
    repos.search.indexPending();
    if (!db.commit())
        throw StorageError(QStringLiteral("commit failed: ") + db.lastError().text());
    return s;
}

/// `count` messages in `room`, alternating between its two members, 100,000 per transaction;
/// the room's timeline counter is moved once at the end (the server's allocateSeq per message
/// would double the work).
void seedHistory(Repositories &repos, RoomId room, UserId a, UserId b, qint64 count)
{
    QSqlDatabase &db = repos.database();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString text =
        QStringLiteral(" — an ordinary chat line of ordinary length, with a few words more.");
    Seq seq = 0;
    while (seq < count) {
        db.transaction();
        for (const Seq end = qMin(count, seq + 100000); seq < end;) {
            ++seq;
            repos.messages.insert(room, seq, seq % 2 ? a : b, QStringLiteral("h%1").arg(seq),
                                  QStringLiteral("message %1").arg(seq) + text,
                                  now - (count - seq) * 10);
        }
        repos.messages.flushOrder();
        repos.search.indexPending();
        if (!db.commit())
            throw StorageError(QStringLiteral("commit failed: ") + db.lastError().text());
    }
    QSqlQuery last(db);
    last.prepare(QStringLiteral("UPDATE rooms SET last_seq = ?, last_activity = ? WHERE id = ?"));
    last.addBindValue(count);
    last.addBindValue(now);
    last.addBindValue(room.value);
    if (!last.exec())
        throw StorageError(QStringLiteral("cannot set the room's last seq"));
}

void writePlan(const SeedOptions &o, const Seeded &s, const natter::bench::Corpus *corpus)
{
    QFile f(o.planPath);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        throw StorageError(QStringLiteral("cannot write %1: %2").arg(o.planPath, f.errorString()));
    QTextStream out(&f);
    out << "# natter bench plan v1 (natter-seed)\n";
    out << "password " << o.password << '\n';
    for (int i = 0; i < s.users.size(); ++i)
        out << "user " << i << ' ' << s.users[i].id.value << ' ' << s.users[i].username << ' '
            << s.tokens[i] << '\n';
    for (int p = 0; p < s.pairRooms.size(); ++p)
        out << "room " << s.pairRooms[p].value << ' ' << 2 * p << ' ' << 2 * p + 1 << '\n';
    if (o.history > 0)
        out << "history " << s.pairRooms[0].value << " 0 " << o.history << '\n';
    if (corpus)
        natter::bench::writeCorpusPlan(out, *corpus, s.users);
}

void seed(const SeedOptions &o)
{
    StorageConfig config;
    QString error;
    if (!StorageConfig::fromUrl(o.database, &config, &error))
        throw StorageError(error);
    const QString name = QStringLiteral("natter-seed");
    {
        QSqlDatabase db = openConnection(config, name);
        Migrator(db, config.dialect()).migrate();
        Repositories repos(db);
        QElapsedTimer t;
        t.start();
        const QString hash = hashPassword(o.password);
        std::fprintf(stderr, "natter-seed: one argon2id hash in %lld ms\n",
                     static_cast<long long>(t.restart()));
        const Seeded s = seedAccounts(repos, o, hash);
        std::fprintf(stderr, "natter-seed: %d users with sessions, %d friend pairs in %lld ms\n",
                     o.users, o.pairs, static_cast<long long>(t.restart()));
        if (o.history > 0) {
            seedHistory(repos, s.pairRooms[0], s.users[0].id, s.users[1].id, o.history);
            std::fprintf(stderr, "natter-seed: %lld history messages in %lld ms\n",
                         static_cast<long long>(o.history), static_cast<long long>(t.restart()));
        }
        std::optional<natter::bench::Corpus> corpus;
        if (o.corpus.messages > 0) {
            corpus = natter::bench::seedCorpus(repos, s.users, o.corpus);
            std::fprintf(stderr, "natter-seed: %lld corpus messages in %d rooms in %lld ms\n",
                         static_cast<long long>(o.corpus.messages), o.corpus.rooms,
                         static_cast<long long>(t.restart()));
        }
        if (config.backend == StorageConfig::Backend::Sqlite)
            execDirect(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        writePlan(o, s, corpus ? &*corpus : nullptr);
    }
    closeConnection(name);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Seeds a new natterd database for natter-load."));
    parser.addHelpOption();
    const QCommandLineOption database(
        QStringLiteral("database"), QStringLiteral("SQLite file (natterd's <data-dir>/natter.db)."),
        QStringLiteral("path"));
    const QCommandLineOption plan(QStringLiteral("plan"),
                                  QStringLiteral("Where to write the plan for natter-load."),
                                  QStringLiteral("file"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Users to create."),
                                   QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption pairs(QStringLiteral("pairs"),
                                   QStringLiteral("Friend pairs among the first users."),
                                   QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption history(QStringLiteral("history"),
                                     QStringLiteral("Messages in the first pair's room."),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption password(
        QStringLiteral("password"), QStringLiteral("Password of every user."),
        QStringLiteral("password"), QStringLiteral("bench-password-9f4e"));
    const QCommandLineOption corpus(QStringLiteral("corpus"),
                                    QStringLiteral("Searchable messages over group rooms."),
                                    QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption corpusRooms(QStringLiteral("corpus-rooms"),
                                         QStringLiteral("Group rooms of the corpus."),
                                         QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption searcherRooms(
        QStringLiteral("searcher-rooms"),
        QStringLiteral("Corpus rooms the searching user (user 0) is a member of."),
        QStringLiteral("n"), QStringLiteral("50"));
    parser.addOptions({database, plan, users, pairs, history, password, corpus, corpusRooms,
                       searcherRooms});
    parser.process(app);

    SeedOptions o;
    o.database = parser.value(database);
    o.planPath = parser.value(plan);
    o.password = parser.value(password);
    o.users = parser.value(users).toInt();
    o.pairs = parser.value(pairs).toInt();
    o.history = parser.value(history).toLongLong();
    o.corpus.messages = parser.value(corpus).toLongLong();
    o.corpus.rooms = qMax(1, parser.value(corpusRooms).toInt());
    o.corpus.searcherRooms = qBound(1, parser.value(searcherRooms).toInt(), o.corpus.rooms);
    if (o.database.isEmpty() || o.planPath.isEmpty() || o.users < 2 * o.pairs ||
        (o.history > 0 && o.pairs < 1) || o.password.contains(QLatin1Char(' '))) {
        std::fprintf(
            stderr, "natter-seed: need --database, --plan, users >= 2 × pairs, a pair for history, "
                    "and a password without spaces\n");
        return 2;
    }
    if (sodium_init() < 0) {
        std::fprintf(stderr, "natter-seed: libsodium failed to initialise\n");
        return 1;
    }
    try {
        seed(o);
    } catch (const StorageError &e) {
        std::fprintf(stderr, "natter-seed: %s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}
