#include "corpus.h"

#include "storage/storageerror.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <cmath>
#include <cstdio>

namespace natter::bench {

using server::Repositories;
using server::StorageError;

namespace {

const char *const englishWords[] = {
    "the",        "to",         "and",          "a",        "I",         "you",         "it",
    "is",         "of",         "for",          "in",       "on",        "that",        "we",
    "this",       "be",         "with",         "have",     "at",        "not",         "can",
    "do",         "will",       "so",           "just",     "what",      "but",         "are",
    "if",         "me",         "my",           "was",      "all",       "get",         "there",
    "about",      "think",      "know",         "meeting",  "today",     "tomorrow",    "lunch",
    "time",       "release",    "build",        "review",   "deploy",    "team",        "please",
    "thanks",     "sounds",     "good",         "ok",       "yes",       "no",          "maybe",
    "later",      "morning",    "afternoon",    "update",   "issue",     "fixed",       "broken",
    "server",     "client",     "test",         "tests",    "coffee",    "weekend",     "agenda",
    "notes",      "doc",        "draft",        "plan",     "schedule",  "call",        "project",
    "budget",     "invoice",    "customer",     "design",   "feedback",  "question",    "answer",
    "deadline",   "friday",     "monday",       "branch",   "merge",     "ticket",      "priority",
    "backlog",    "sprint",     "demo",         "slides",   "network",   "printer",     "office",
    "holiday",    "birthday",   "cake",         "pizza",    "train",     "late",        "early",
    "weather",    "rain",       "sunny",        "again",    "still",     "everything",  "something",
    "nothing",    "anyone",     "everyone",     "database", "migration", "performance", "latency",
    "throughput", "benchmark",  "search",       "index",    "query",     "password",    "account",
    "laptop",     "screen",     "keyboard",     "battery",  "charger",   "kitchen",     "parking",
    "elevator",   "conference", "presentation", "workshop", "interview", "contract",
};
const char *const otherWords[] = {
    "Grüße",   "München",    "Straße",  "Besprechung", "Mittagessen", "morgen",   "schön",
    "Käse",    "Bahnhof",    "Fußball", "привет",      "встреча",     "сегодня",  "завтра",
    "спасибо", "обед",       "работа",  "проект",      "東京",        "会議",     "明日",
    "今日",    "ありがとう", "お昼",    "大阪",        "資料",        "確認",     "予定",
    "café",    "niño",       "señor",   "Zürich",      "Ελλάδα",      "καλημέρα",
};
const char *const syllables[] = {
    "ka", "lo",  "mi", "ren", "ta",  "vo",  "shi", "du", "pel", "ran", "qua", "zet", "nor", "bli",
    "fa", "gor", "hu", "jin", "kel", "mur", "nal", "om", "pri", "sut", "tek", "ul",  "vin", "wex",
};
const char *const roomThemes[] = {"Team",  "Project", "Ops",   "Design", "Support",
                                  "Lunch", "Club",    "Sales", "Infra",  "Research"};

constexpr int tailWords = 20000;
constexpr qint64 yearMs = qint64(365) * 24 * 3600 * 1000;

/// The vocabulary, most frequent first: English, then the other languages, then the tail.
QStringList vocabulary()
{
    QStringList words;
    for (const char *w : englishWords)
        words << QString::fromUtf8(w);
    for (const char *w : otherWords)
        words << QString::fromUtf8(w);
    QRandomGenerator rng(7);
    const int n = int(std::size(syllables));
    while (words.size() < int(std::size(englishWords) + std::size(otherWords)) + tailWords) {
        QString w;
        for (int s = 0, count = 2 + rng.bounded(3); s < count; ++s)
            w += QString::fromLatin1(syllables[rng.bounded(n)]);
        words << w;
    }
    return words;
}

/// Draws word ranks with probability ∝ 1 / (rank + 1).
class Zipf
{
public:
    explicit Zipf(int n)
    {
        m_cdf.reserve(n);
        double sum = 0;
        for (int i = 0; i < n; ++i)
            m_cdf.push_back(sum += 1.0 / (i + 1));
        for (double &c : m_cdf)
            c /= sum;
    }
    int draw(QRandomGenerator &rng) const
    {
        const double u = rng.generateDouble();
        return int(std::lower_bound(m_cdf.begin(), m_cdf.end(), u) - m_cdf.begin());
    }

private:
    std::vector<double> m_cdf;
};

QString sentence(const QStringList &words, const Zipf &zipf, QRandomGenerator &rng)
{
    const int length = 3 + rng.bounded(22);
    QString s;
    for (int i = 0; i < length; ++i) {
        if (i > 0)
            s += QLatin1Char(' ');
        s += words[zipf.draw(rng)];
    }
    s[0] = s[0].toUpper();
    static const char *const endings[] = {"", ".", "!", "?", " :)", "..."};
    s += QString::fromLatin1(endings[rng.bounded(int(std::size(endings)))]);
    return s;
}

QList<CorpusRoom> makeRooms(Repositories &repos, const QList<User> &users, const CorpusOptions &o,
                            qint64 now, QRandomGenerator &rng)
{
    QList<CorpusRoom> rooms;
    for (int r = 0; r < o.rooms; ++r) {
        CorpusRoom room;
        room.name = QStringLiteral("%1-%2")
                        .arg(QLatin1String(roomThemes[r % std::size(roomThemes)]))
                        .arg(r);
        room.members.append(r < o.searcherRooms ? 0 : 1 + rng.bounded(int(users.size()) - 1));
        while (room.members.size() < std::min<int>(o.membersPerRoom, int(users.size()))) {
            const int u = 1 + rng.bounded(int(users.size()) - 1);
            if (!room.members.contains(u))
                room.members.append(u);
        }
        room.id = repos.rooms.createGroup(room.name, QStringLiteral(""), false,
                                          HistoryVisibility::Shared, now);
        for (int i = 0; i < room.members.size(); ++i)
            repos.members.join(room.id, users[room.members[i]].id,
                               i == 0 ? MemberRole::Owner : MemberRole::Member, 1, now);
        rooms.append(room);
    }
    return rooms;
}

} // namespace

Corpus seedCorpus(Repositories &repos, const QList<User> &users, const CorpusOptions &o)
{
    if (users.size() < 2)
        throw StorageError(QStringLiteral("--corpus needs at least two users"));
    QRandomGenerator rng(42);
    const QStringList words = vocabulary();
    const Zipf zipf(int(words.size()));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Corpus c;
    c.messages = o.messages;
    c.firstSentAt = now - yearMs;
    c.lastSentAt = now;
    QSqlDatabase &db = repos.database();
    db.transaction();
    c.rooms = makeRooms(repos, users, o, c.firstSentAt, rng);
    QList<Seq> seqs(c.rooms.size(), 0);
    for (qint64 i = 0; i < o.messages; ++i) {
        const int r = rng.bounded(int(c.rooms.size()));
        CorpusRoom &room = c.rooms[r];
        const UserId sender = users[room.members[rng.bounded(int(room.members.size()))]].id;
        repos.messages.insert(room.id, ++seqs[r], sender, QStringLiteral("c%1").arg(i),
                              sentence(words, zipf, rng), c.firstSentAt + yearMs * i / o.messages);
        if ((i + 1) % 100000 == 0) {
            repos.messages.flushOrder();
            repos.search.indexPending();
            if (!db.commit())
                throw StorageError(QStringLiteral("commit failed"));
            std::fprintf(stderr, "natter-seed: %lld corpus messages\n",
                         static_cast<long long>(i + 1));
            db.transaction();
        }
    }
    QSqlQuery last(db);
    last.prepare(QStringLiteral("UPDATE rooms SET last_seq = ?, last_activity = ? WHERE id = ?"));
    for (int r = 0; r < c.rooms.size(); ++r) {
        last.addBindValue(seqs[r]);
        last.addBindValue(now);
        last.addBindValue(c.rooms[r].id.value);
        if (!last.exec())
            throw StorageError(QStringLiteral("cannot set a room's last seq"));
    }
    repos.messages.flushOrder();
    repos.search.indexPending();
    if (!db.commit())
        throw StorageError(QStringLiteral("commit failed"));
    return c;
}

void writeCorpusPlan(QTextStream &out, const Corpus &c, const QList<User> &users)
{
    int searcherRooms = 0;
    for (const CorpusRoom &r : c.rooms)
        searcherRooms += r.members.contains(0);
    out << "corpus " << c.messages << ' ' << c.rooms.size() << " 0 " << searcherRooms << '\n';
    const QStringList words = vocabulary();
    const qint64 searchRoom = c.rooms.first().id.value; // user 0 is a member
    const QString roomName = c.rooms.first().name;
    const QString friendName = users[c.rooms.first().members.value(1, 1)].username;
    const QString recent = QDateTime::fromMSecsSinceEpoch(c.lastSentAt - yearMs / 12, Qt::UTC)
                               .date()
                               .toString(Qt::ISODate);
    const QString rare = words[int(std::size(englishWords) + std::size(otherWords)) + 15000];
    const QString rare2 = words[int(std::size(englishWords) + std::size(otherWords)) + 9000];
    auto q = [&out](const char *cls, qint64 room, const QString &text) {
        out << "query " << cls << ' ' << room << ' ' << text << '\n';
    };
    q("common", 0, QStringLiteral("meeting"));
    q("common", 0, QStringLiteral("thanks"));
    q("common-room", searchRoom, QStringLiteral("meeting"));
    q("rare", 0, rare);
    q("rare", 0, rare2);
    q("rare-room", searchRoom, rare);
    q("phrase", 0, QStringLiteral("\"sounds good\""));
    q("phrase", 0, QStringLiteral("\"the team\""));
    q("operators", 0, QStringLiteral("lunch from:%1 in:%2").arg(friendName, roomName));
    q("operators", 0, QStringLiteral("release after:%1 -broken").arg(recent));
    q("short", 0, QStringLiteral("東京"));
    q("short", 0, QStringLiteral("ok"));
    q("short-room", searchRoom, QStringLiteral("東京"));
    q("non-latin", 0, QStringLiteral("Grüße"));
    q("non-latin", 0, QStringLiteral("встреча"));
    q("paging", 0, QStringLiteral("deploy"));
}

} // namespace natter::bench
