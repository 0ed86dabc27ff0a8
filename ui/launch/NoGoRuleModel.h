#pragma once

#include "launch/Launch.h"

#include <QAbstractListModel>
#include <QPalette>

namespace ops::ui {

// The launch's no-go rules for the Launch panel, one row a rule in the order the decision
// weighs them: its title in the reader's language over its reason, a red dot while it holds
// (green once cleared), what it looked at and how to clear it as the tooltip.
class NoGoRuleModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { ClearTargetRole = Qt::UserRole, HoldsRole, ClearHintRole, RuleIdRole };

    using QAbstractListModel::QAbstractListModel;

    // The rules as computed now, in the colours of `palette` (the view's).
    void setRules(const QList<NoGoRule> &rules, const QPalette &palette);
    // A rule's title in the reader's language (the log and attestations keep the English words).
    static QString ruleTitle(const NoGoRule &rule);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<NoGoRule> m_rules;
    QPalette m_palette;
};

} // namespace ops::ui
