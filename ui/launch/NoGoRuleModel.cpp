#include "NoGoRuleModel.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"

namespace ops::ui {

void NoGoRuleModel::setRules(const QList<NoGoRule> &rules, const QPalette &palette) {
    beginResetModel();
    m_rules = rules;
    m_palette = palette;
    endResetModel();
}

int NoGoRuleModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

QVariant NoGoRuleModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoGoRule &r = m_rules.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(ruleTitle(r), r.reason.translated());
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1: %2").arg(ruleTitle(r), r.reason.translated());
    case Qt::DecorationRole:
        return statusDot(colours::onBase(r.holds ? colours::kRed : colours::kGreen, m_palette));
    case Qt::ForegroundRole:
        return r.holds ? colours::onBase(colours::kRed, m_palette) : m_palette.color(QPalette::Text);
    case Qt::ToolTipRole:
        return QString(
            tr("Looked at: %1").arg(r.lookedAt.mid(0, 12).join(QStringLiteral(", "))) +
            (r.holds ? QStringLiteral("\n") + tr("To clear: %1").arg(r.clear.translated()) : QString()));
    case ClearTargetRole:
        return r.clearTarget;
    case HoldsRole:
        return r.holds;
    case ClearHintRole:
        return r.holds ? r.clear.translated() : QString();
    case RuleIdRole:
        return r.id;
    default:
        return {};
    }
}

QString NoGoRuleModel::ruleTitle(const NoGoRule &rule) {
    static const struct {
        const char *id;
        const char *title;
    } kTitles[] = {
        {"rollback-unproven", QT_TR_NOOP("Rollback objective proven by a drill")},
        {"kill-switches-untested", QT_TR_NOOP("Kill switches defined and tested")},
        {"stale-pack-alerting-absent", QT_TR_NOOP("Stale-pack alerting on every supported scope")},
        {"publish-failures-unrouted", QT_TR_NOOP("Publish failures routed to a visible alert")},
        {"launch-alerts-silenced", QT_TR_NOOP("No silence on a scope's stale-pack or resolver alert")},
        {"scope-not-validated", QT_TR_NOOP("Every critical scope validated by its last probe")},
    };
    for (const auto &known : kTitles)
        if (rule.id == QLatin1String(known.id))
            return tr(known.title);
    return rule.title;
}

} // namespace ops::ui
