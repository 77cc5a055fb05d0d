#pragma once
// The plan natter-seed writes for natter-load: who the seeded users are, their session tokens,
// the direct rooms that pair them, and the room holding the history.
//
//   password <password shared by every seeded user>
//   user <index> <userId> <username> <token>
//   room <roomId> <index> <index>
//   history <roomId> <member index> <messages>
//   corpus <messages> <rooms> <searcher index> <rooms the searcher is in>   (--corpus)
//   query <class> <roomId or 0> <search query text>   (the search scenario's mix)
//
// Without a plan file (against the relay), users are made up: "user<n>" with token "relay-<n>".

#include <QList>
#include <QString>

namespace natter::bench {

struct PlanUser
{
    qint64 id = 0;
    QString username;
    QString token;
};

struct PlanRoom
{
    qint64 id = 0;
    QList<int> members; ///< indexes into Plan::users
};

/// One search the search scenario runs, and the class its figures are reported under.
struct PlanQuery
{
    QString queryClass;
    qint64 roomId = 0; ///< 0: every readable room
    QString text;
};

struct Plan
{
    QString password;
    QList<PlanUser> users;
    QList<PlanRoom> rooms; ///< seeded direct rooms
    qint64 historyRoom = 0;
    int historyMember = 0;
    qint64 historyMessages = 0;
    qint64 corpusMessages = 0;
    int corpusRooms = 0;
    int searcher = 0;
    int searcherRooms = 0;
    QList<PlanQuery> queries;

    static bool load(const QString &path, Plan *plan, QString *error);
    static Plan synthetic(int users);
};

} // namespace natter::bench
