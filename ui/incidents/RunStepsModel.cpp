#include "RunStepsModel.h"

#include "common/Colours.h"
#include "common/StepStatusText.h"
#include "common/TimeFormat.h"
#include "runbooks/Runbook.h"

namespace ops::ui {

void RunStepsModel::setSteps(const QList<StepState> &steps) {
    beginResetModel();
    m_steps = steps;
    endResetModel();
}

void RunStepsModel::setPalette(const QPalette &palette) {
    m_palette = palette;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn), {Qt::ForegroundRole});
}

int RunStepsModel::rowOf(const QString &id) const {
    for (qsizetype i = 0; i < m_steps.size(); ++i)
        if (m_steps.at(i).step.id == id)
            return static_cast<int>(i);
    return -1;
}

int RunStepsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_steps.size());
}

int RunStepsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunStepsModel::evidenceText(EvidenceKind kind) {
    switch (kind) {
    case EvidenceKind::Note:
        return tr("note");
    case EvidenceKind::Attachment:
        return tr("attachment");
    case EvidenceKind::Probe:
        return tr("probe");
    case EvidenceKind::Checksum:
        return tr("checksum");
    case EvidenceKind::Signature:
        return tr("signature");
    case EvidenceKind::Confirmation:
        return tr("confirmation");
    }
    return evidenceKindName(kind);
}

QString RunStepsModel::needs(const StepState &s) const {
    QStringList out;
    for (EvidenceKind k : s.step.evidence)
        out << evidenceText(k);
    if (!s.step.probe.isEmpty()) {
        QStringList probes;
        for (TargetKind k : s.step.probe)
            probes << targetKindName(k);
        out << tr("(probe %1%2)")
                   .arg(probes.join(QStringLiteral(", ")),
                        s.step.probeMustPass ? tr(", must pass") : QString());
    }
    if (s.step.skippable)
        out << tr("skippable");
    return out.join(QLatin1Char(' '));
}

QString RunStepsModel::recorded(const StepState &s) const {
    if (s.status == StepStatus::Pending)
        return {};
    return QStringLiteral("%1 %2%3").arg(s.actor, TimeFormat::seconds(s.tsMs),
                                         s.note.isEmpty() ? QString() : QStringLiteral(" — ") + s.note);
}

QVariant RunStepsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StepState &s = m_steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StepColumn:
            return s.step.id;
        case StatusColumn:
            return StepStatusText::of(s.status); // StatusRole keeps the log's word
        case ActionColumn:
            return RunbookLibrary::shown(s.step.action);
        case NeedsColumn:
            return needs(s);
        case RecordedColumn:
            return recorded(s);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() != StatusColumn)
            return {};
        switch (s.status) {
        case StepStatus::Done:
            return colours::onBase(colours::kGreen, m_palette);
        case StepStatus::Failed:
            return colours::onBase(colours::kRed, m_palette);
        case StepStatus::Skipped:
            return m_palette.color(QPalette::PlaceholderText);
        default:
            return {};
        }
    case StepIdRole:
        return s.step.id;
    case StatusRole:
        return stepStatusName(s.status);
    default:
        return {};
    }
}

QVariant RunStepsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case StatusColumn:
        return tr("Status");
    case ActionColumn:
        return tr("Action");
    case NeedsColumn:
        return tr("Needs");
    case RecordedColumn:
        return tr("Recorded");
    default:
        return {};
    }
}

} // namespace ops::ui
