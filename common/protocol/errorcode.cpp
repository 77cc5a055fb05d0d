#include "protocol/errorcode.h"

namespace natter {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
#define NATTER_X(id, wire, text)                                                                   \
    case ErrorCode::id:                                                                            \
        return QStringLiteral(wire);
        NATTER_ERROR_CODES(NATTER_X)
#undef NATTER_X
    }
    return QStringLiteral("internal");
}

QString errorCodeText(ErrorCode code)
{
    switch (code) {
#define NATTER_X(id, wire, text)                                                                   \
    case ErrorCode::id:                                                                            \
        return QStringLiteral(text);
        NATTER_ERROR_CODES(NATTER_X)
#undef NATTER_X
    }
    return QString();
}

bool errorCodeFromName(const QString &name, ErrorCode *code)
{
#define NATTER_X(id, wire, text)                                                                   \
    if (name == QLatin1String(wire)) {                                                             \
        *code = ErrorCode::id;                                                                     \
        return true;                                                                               \
    }
    NATTER_ERROR_CODES(NATTER_X)
#undef NATTER_X
    return false;
}

} // namespace natter
