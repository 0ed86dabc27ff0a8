#include "CommandPalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

namespace ops::ui {

namespace {
QString plainText(const QAction *a) {
    QString t = a->text();
    t.remove(QLatin1Char('&'));
    return t;
}
} // namespace

CommandPalette::CommandPalette(QList<QAction *> actions, QWidget *parent)
    : QDialog(parent)
    , m_actions(std::move(actions))
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    setAccessibleName(tr("Command palette"));
    resize(520, 360);
    m_filter->setObjectName(QStringLiteral("commandPaletteFilter"));
    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->setAccessibleName(tr("Command filter"));
    m_filter->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("commandPaletteList"));
    m_list->setAccessibleName(tr("Matching commands"));
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
    refilter(QString());
}

void CommandPalette::refilter(const QString &text) {
    m_list->clear();
    for (int i = 0; i < m_actions.size(); ++i) {
        QAction *a = m_actions.at(i);
        if (!a->isEnabled() || a->isSeparator() || a->menu())
            continue;
        const QString label = plainText(a);
        if (!text.isEmpty() && !label.contains(text, Qt::CaseInsensitive))
            continue;
        const QString shortcut = a->shortcut().toString(QKeySequence::NativeText);
        auto *item = new QListWidgetItem(
            a->icon(), shortcut.isEmpty() ? label : label + QStringLiteral("    ") + shortcut);
        item->setData(Qt::UserRole, i);
        m_list->addItem(item);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void CommandPalette::runCurrent() {
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    QAction *a = m_actions.value(item->data(Qt::UserRole).toInt());
    accept();
    if (a)
        a->trigger();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            const int row = qBound(0, m_list->currentRow() + step, m_list->count() - 1);
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace ops::ui
