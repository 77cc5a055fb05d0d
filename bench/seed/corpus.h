#pragma once
// natter-seed --corpus: a large searchable timeline. Group rooms with members drawn from the
// seeded users, and messages of varied text (a Zipf-distributed vocabulary of English words,
// a share of German, Russian and Japanese words, and a long tail of made-up words), spread over
// a year of sent times. Writes the search queries natter-load's search scenario runs.

#include "storage/repositories.h"

#include <QList>
#include <QTextStream>

namespace natter::bench {

struct CorpusOptions
{
    qint64 messages = 0;
    int rooms = 500;
    int membersPerRoom = 8;
    int searcherRooms = 50; ///< rooms the searching user (user 0) is a member of
};

struct CorpusRoom
{
    RoomId id;
    QString name;
    QList<int> members; ///< indexes into the users
};

struct Corpus
{
    QList<CorpusRoom> rooms;
    qint64 messages = 0;
    qint64 firstSentAt = 0;
    qint64 lastSentAt = 0;
};

/// Fills the database (users must exist); deterministic for the same options.
Corpus seedCorpus(server::Repositories &repos, const QList<User> &users, const CorpusOptions &o);

/// Writes the plan lines for the search scenario: `corpus <messages> <rooms> <searcher>
/// <searcher's rooms>` and
/// one `query <class> <roomId or 0> <text>` per query.
void writeCorpusPlan(QTextStream &out, const Corpus &c, const QList<User> &users);

} // namespace natter::bench
