#include "ui/searchpanel.h"

#include "core/clientcontroller.h"
#include "ui/conversationdelegate.h"
#include "ui/style.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace natter::ui {

using client::SearchModel;

namespace {
/// The snippet as HTML with the highlighted ranges bold.
QString snippetHtml(const QModelIndex &index)
{
    const QString snippet = index.data(SearchModel::SnippetRole).toString();
    QString html;
    int at = 0;
    for (const QVariant &v : index.data(SearchModel::HighlightsRole).toList()) {
        const QPoint r = v.toPoint();
        if (r.x() < at || r.x() + r.y() > snippet.size())
            continue;
        html += snippet.mid(at, r.x() - at).toHtmlEscaped() + QStringLiteral("<b>")
            + snippet.mid(r.x(), r.y()).toHtmlEscaped() + QStringLiteral("</b>");
        at = r.x() + r.y();
    }
    return html + snippet.mid(at).toHtmlEscaped();
}
} // namespace

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {200, option.fontMetrics.height() * 3 + 14};
}

void SearchResultDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QRect r = drawListRow(*p, opt, QMargins(6, 4, 6, 4));
    const int line = option.fontMetrics.height();
    const bool selected = option.state & QStyle::State_Selected;
    p->save();
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString head = tr("%1 · %2").arg(index.data(SearchModel::RoomTitleRole).toString(),
                                           index.data(SearchModel::SenderNameRole).toString());
    p->drawText(QRect(r.left(), r.top(), r.width() - 70, line), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(bold).elidedText(head, Qt::ElideRight, r.width() - 70));
    p->setFont(option.font);
    p->drawText(QRect(r.right() - 70, r.top(), 70, line), Qt::AlignRight | Qt::AlignVCenter,
                shortTime(index.data(SearchModel::SentAtRole).toDateTime()));
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setHtml(snippetHtml(index));
    doc.setTextWidth(r.width());
    p->translate(r.left() - 4, r.top() + line);
    const QRect clip(0, 0, r.width() + 4, line * 2 + 8);
    p->setClipRect(clip);
    // The snippet in the row's own colours (drawContents() would use the default palette,
    // unreadable when selected or on a dark theme); highlights are bold, in the same colour.
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text, option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    context.clip = clip;
    doc.documentLayout()->draw(p, context);
    p->restore();
}

SearchPanel::SearchPanel(client::ClientController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search messages (Ctrl+F)"));
    m_query->setAccessibleName(tr("Search messages"));
    m_query->setClearButtonEnabled(true);
    m_here = new QCheckBox(tr("Only in this conversation"), this);
    m_results = new QListView(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setModel(controller.search());
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_query);
    layout->addWidget(m_here);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &SearchPanel::search);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, &SearchPanel::search);
    connect(m_here, &QCheckBox::toggled, this, &SearchPanel::search);
    connect(controller.search(), &SearchModel::finished, this, [this](const QString &error) {
        const int n = m_controller.search()->rowCount();
        m_status->setText(!error.isEmpty() ? tr("Search failed: %1").arg(error)
                          : n == 0         ? tr("No messages found.")
                                           : tr("%n result(s)", nullptr, n));
    });
    connect(m_results, &QListView::activated, this, [this](const QModelIndex &index) {
        emit openResult(RoomId(index.data(SearchModel::RoomIdRole).toLongLong()),
                        index.data(SearchModel::SeqRole).toLongLong());
    });
    connect(m_results->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_results->verticalScrollBar()->maximum() && m_controller.search()->canFetchMore())
            m_controller.search()->fetchMore();
    });
}

void SearchPanel::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

void SearchPanel::search()
{
    m_debounce->stop();
    const QString q = m_query->text().trimmed();
    if (q == m_controller.search()->query() && !sender())
        return;
    m_status->setText(q.isEmpty() ? QString() : tr("Searching…"));
    m_controller.search()->setQuery(q, m_here->isChecked() ? m_room : RoomId());
}

} // namespace natter::ui
