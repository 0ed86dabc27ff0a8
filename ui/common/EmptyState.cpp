#include "EmptyState.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ops::ui {

EmptyState::EmptyState(const QString &title, const QString &body, const QStringList &coming, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_body(new QLabel(body, this)) {
    setObjectName(QStringLiteral("emptyState"));
    // Labels sit in a column of bounded width with no alignment flags, so word wrap gets
    // the real width and no line is cut off.
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("emptyStateColumn"));
    column->setMinimumWidth(360);
    column->setMaximumWidth(640);
    auto *inner = new QVBoxLayout(column);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->setSpacing(12);

    auto *icon = new QLabel(column);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/empty.svg")).pixmap(QSize(48, 48)));
    icon->setAlignment(Qt::AlignHCenter);
    inner->addWidget(icon);

    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setParent(column);
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAccessibleName(title);
    inner->addWidget(m_title);

    m_body->setParent(column);
    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignHCenter);
    m_body->setObjectName(QStringLiteral("emptyStateBody"));
    m_body->setAccessibleName(body);
    inner->addWidget(m_body);

    if (!coming.isEmpty()) {
        auto *heading = new QLabel(tr("What will be here:"), column);
        heading->setObjectName(QStringLiteral("emptyStateHeading"));
        QFont hf = heading->font();
        hf.setBold(true);
        heading->setFont(hf);
        inner->addWidget(heading);
        QString html = QStringLiteral("<ul style=\"margin-left:0px; -qt-list-indent:1;\">");
        for (const QString &item : coming)
            html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
        auto *list = new QLabel(html, column);
        list->setObjectName(QStringLiteral("emptyStateList"));
        list->setTextFormat(Qt::RichText);
        list->setWordWrap(true);
        list->setAccessibleName(coming.join(QStringLiteral("; ")));
        inner->addWidget(list);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

QString EmptyState::titleText() const {
    return m_title->text();
}

QString EmptyState::bodyText() const {
    return m_body->text();
}

} // namespace ops::ui
