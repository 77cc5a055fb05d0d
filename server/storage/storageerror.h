#pragma once

#include <QString>
#include <stdexcept>

namespace natter::server {

/// Thrown by repositories when the database fails (never for domain outcomes such as "not
/// found"). Caught by the storage worker, which rolls the job back and reports the message.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

} // namespace natter::server
