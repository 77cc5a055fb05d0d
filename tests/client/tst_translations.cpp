// The shipped translations (translations/natter_<lang>.ts, German and French): every message
// translated, with the same placeholders (%1, %2, %n) as its source text, so no translated
// window loses a name or a number. Run `cmake --build build --target update_translations` and
// translations/fill.py after adding strings; this test names what is missing.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    bool obsolete = false;
    QStringList translations; ///< one, or one per plural form
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = TsMessage();
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            current.unfinished = type == QLatin1String("unfinished");
            current.obsolete = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            out.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void sameMessagesInEveryLanguage();
    void noStringIsFiledUnderABareNamespace();
};

void TestTranslations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

void TestTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> messages =
        readTs(QStringLiteral(NATTER_TRANSLATIONS_DIR "/natter_%1.ts").arg(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (m.obsolete)
            continue;
        const QString where = m.context + QLatin1String(": \"") + m.source + QLatin1Char('"');
        if (m.unfinished || m.translations.isEmpty()
            || std::any_of(m.translations.cbegin(), m.translations.cend(),
                           [](const QString &t) { return t.trimmed().isEmpty(); })) {
            problems << QLatin1String("untranslated ") + where;
            continue;
        }
        QSet<QString> wanted = placeholders(m.source);
        if (m.numerus)
            wanted.insert(QStringLiteral("%n"));
        for (const QString &t : m.translations) {
            QSet<QString> have = placeholders(t);
            // A plural form for exactly one may say "one" instead of %n.
            if (m.numerus && !have.contains(QStringLiteral("%n")) && m.translations.size() > 1
                && &t == &m.translations.first())
                have.insert(QStringLiteral("%n"));
            if (have != wanted)
                problems << QLatin1String("placeholders differ in \"") + t + QLatin1String("\" for ") + where;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::sameMessagesInEveryLanguage()
{
    QString error;
    auto keys = [&error](const QString &language) {
        QSet<QString> out;
        for (const TsMessage &m : readTs(QStringLiteral(NATTER_TRANSLATIONS_DIR "/natter_%1.ts").arg(language), &error)) {
            if (!m.obsolete)
                out.insert(m.context + QLatin1Char('\x1f') + m.source);
        }
        return out;
    };
    const QSet<QString> de = keys(QStringLiteral("de"));
    const QSet<QString> fr = keys(QStringLiteral("fr"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList onlyOne;
    for (const QString &k : de - fr)
        onlyOne << QLatin1String("only German: ") + QString(k).replace(QLatin1Char('\x1f'), QLatin1String(": "));
    for (const QString &k : fr - de)
        onlyOne << QLatin1String("only French: ") + QString(k).replace(QLatin1Char('\x1f'), QLatin1String(": "));
    QVERIFY2(onlyOne.isEmpty(), qPrintable(onlyOne.join(QLatin1Char('\n'))));
}

void TestTranslations::noStringIsFiledUnderABareNamespace()
{
    // lupdate files a tr() outside any class under the enclosing namespace, while the code then
    // asks for another context at run time: such strings would never show translated.
    QString error;
    QStringList misfiled;
    for (const TsMessage &m : readTs(QStringLiteral(NATTER_TRANSLATIONS_DIR "/natter_de.ts"), &error)) {
        if (!m.obsolete && (m.context == QLatin1String("natter") || m.context == QLatin1String("natter::ui")
                            || m.context == QLatin1String("natter::client")))
            misfiled << m.context + QLatin1String(": \"") + m.source + QLatin1Char('"');
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(misfiled.isEmpty(), qPrintable(misfiled.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
