#include "SilencesView.h"

#include "alerts/SilenceListModel.h"
#include "alerts/Silences.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ops::ui {

SilencesView::SilencesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SilenceListModel(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this)) {
    m_table->setObjectName(QStringLiteral("silenceList"));
    m_table->setAccessibleName(tr("Silences"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("silenceStatus"));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SilencesView::selectionChanged);
}

int SilencesView::showBook(const SilenceBook &book, qint64 nowMs) {
    const QString current = m_table->currentIndex().data(SilenceListModel::IdRole).toString();
    m_model->setBook(book, nowMs);
    int active = 0, upcoming = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex i = m_model->index(row, 0);
        const int st = i.data(SilenceListModel::StatusRole).toInt();
        active += st == int(Silence::Status::Active) ? 1 : 0;
        upcoming += st == int(Silence::Status::Upcoming) ? 1 : 0;
        if (!current.isEmpty() && i.data(SilenceListModel::IdRole) == current)
            m_table->setCurrentIndex(i);
    }
    m_status->setText(active == 0 && upcoming == 0
                          ? tr("No silence in force and no maintenance window in the next 7 days.")
                          : tr("%1 in force, %2 maintenance windows coming up. A silenced alert keeps "
                               "firing into the log and shows as SILENCED; only notifications wait.")
                                .arg(active)
                                .arg(upcoming));
    return active;
}

QString SilencesView::selectedActiveId() const {
    const QModelIndex i = m_table->currentIndex();
    if (i.isValid() && i.data(SilenceListModel::StatusRole).toInt() == int(Silence::Status::Active))
        return i.data(SilenceListModel::IdRole).toString();
    return {};
}

} // namespace ops::ui
