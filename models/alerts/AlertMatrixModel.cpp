#include "AlertMatrixModel.h"

#include "core/Time.h"

namespace ops {

AlertMatrixModel::AlertMatrixModel(AlertEvaluator *evaluator, QObject *parent)
    : QAbstractTableModel(parent)
    , m_evaluator(evaluator)
    , m_scopes(evaluator->scopes()) {
    connect(evaluator, &AlertEvaluator::changed, this, [this] {
        if (rowCount() > 0 && columnCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
}

int AlertMatrixModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_evaluator->rules().size());
}

int AlertMatrixModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_scopes.size());
}

QModelIndex AlertMatrixModel::indexOf(const QString &alertId, const QString &scopeId) const {
    const auto &rules = m_evaluator->rules();
    for (qsizetype row = 0; row < rules.size(); ++row) {
        if (rules.at(row).id != alertId)
            continue;
        for (qsizetype col = 0; col < m_scopes.size(); ++col)
            if (m_scopes.at(col)->id == scopeId)
                return index(static_cast<int>(row), static_cast<int>(col));
    }
    return {};
}

QVariant AlertMatrixModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRule &rule = m_evaluator->rules().at(index.row());
    const ScopeConfig *scope = m_scopes.at(index.column());
    const AlertCell &c = m_evaluator->cell(rule.id, scope->id);
    const QString silence =
        c.silenced() ? tr("silenced by %1 until %2 (%3): %4")
                           .arg(c.silencedBy, Time::toIso(c.silencedUntilMs), c.silenceId, c.silenceReason)
                     : QString();
    switch (role) {
    case Qt::DisplayRole:
        switch (c.state) {
        case AlertState::Firing:
        case AlertState::Acknowledged:
            // A silence never hides the state: the cell says SILENCED with its severity.
            if (c.silenced())
                return tr("SILENCED %1").arg(c.severity);
            return c.state == AlertState::Firing ? tr("FIRING %1").arg(c.severity)
                                                 : tr("ACK %1").arg(c.severity);
        case AlertState::Ok:
            return c.silenced() ? tr("ok (silenced)") : tr("ok");
        case AlertState::Unknown:
            return c.silenced() ? tr("unknown (silenced)") : tr("unknown");
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 — %2\n%3\nFirst action: %4%5")
            .arg(AlertRules::shown(rule.name), scope->id, c.detail.translated(),
                 AlertRules::shown(rule.firstAction),
                 silence.isEmpty() ? QString() : QStringLiteral("\n") + silence);
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2: %3, %4")
            .arg(AlertRules::shown(rule.name), scope->id, c.displayState(), c.severity);
    case SilencedRole:
        return c.silenced();
    case SilenceRole:
        return silence;
    case StateRole:
        return static_cast<int>(c.state);
    case SeverityRole:
        return c.severity;
    case SeverityReasonRole:
        return c.severityReason.translated();
    case DetailRole:
        return c.detail.translated();
    case FirstActionRole:
        return AlertRules::shown(rule.firstAction);
    case TriggerRole:
        return AlertRules::shown(rule.trigger);
    case SinceRole:
        return c.sinceMs;
    case AlertIdRole:
        return rule.id;
    case ScopeRole:
        return scope->id;
    default:
        return {};
    }
}

QVariant AlertMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        const AlertRule &r = m_evaluator->rules().at(section);
        return AlertRules::shown(role == Qt::DisplayRole ? r.name : r.trigger);
    }
    if (section < 0 || section >= columnCount())
        return {};
    const ScopeConfig *s = m_scopes.at(section);
    return role == Qt::DisplayRole ? s->id
                                   : QStringLiteral("%1 (%2%3)")
                                         .arg(s->id, scopeKindName(s->kind),
                                              s->critical ? QStringLiteral(", critical") : QString());
}

} // namespace ops
