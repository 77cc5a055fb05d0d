#include "plan.h"

#include <QFile>

namespace natter::bench {

bool Plan::load(const QString &path, Plan *plan, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read the plan %1: %2").arg(path, f.errorString());
        return false;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        const QList<QByteArray> w = f.readLine().trimmed().split(' ');
        if (w.isEmpty() || w[0].isEmpty() || w[0].startsWith('#'))
            continue;
        if (w[0] == "password" && w.size() == 2) {
            plan->password = QString::fromUtf8(w[1]);
        } else if (w[0] == "user" && w.size() == 5 && w[1].toInt() == plan->users.size()) {
            plan->users.append(
                PlanUser{w[2].toLongLong(), QString::fromUtf8(w[3]), QString::fromUtf8(w[4])});
        } else if (w[0] == "room" && w.size() >= 3) {
            PlanRoom room{w[1].toLongLong(), {}};
            for (int i = 2; i < w.size(); ++i)
                room.members.append(w[i].toInt());
            plan->rooms.append(room);
        } else if (w[0] == "history" && w.size() == 4) {
            plan->historyRoom = w[1].toLongLong();
            plan->historyMember = w[2].toInt();
            plan->historyMessages = w[3].toLongLong();
        } else if (w[0] == "corpus" && w.size() == 5) {
            plan->corpusMessages = w[1].toLongLong();
            plan->corpusRooms = w[2].toInt();
            plan->searcher = w[3].toInt();
            plan->searcherRooms = w[4].toInt();
        } else if (w[0] == "query" && w.size() >= 4) {
            plan->queries.append(PlanQuery{QString::fromUtf8(w[1]), w[2].toLongLong(),
                                           QString::fromUtf8(w.mid(3).join(' '))});
        } else {
            *error = QStringLiteral("%1:%2: cannot read this line").arg(path).arg(lineNo);
            return false;
        }
    }
    return true;
}

Plan Plan::synthetic(int users)
{
    Plan plan;
    plan.password = QStringLiteral("relay-password");
    for (int i = 0; i < users; ++i)
        plan.users.append(
            PlanUser{i + 1, QStringLiteral("user%1").arg(i), QStringLiteral("relay-%1").arg(i)});
    return plan;
}

} // namespace natter::bench
