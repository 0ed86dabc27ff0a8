#pragma once

#include "launch/Launch.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListView;
class QModelIndex;
class QPushButton;

namespace ops::ui {

class NoGoRuleModel;

// The right half of the Launch panel, what the decision rests on: the no-go rules red or green
// with their reasons and a way to go and clear each, the three sign-off slots (who, when, whether
// the signature still verifies, and why the signed-in identity may or may not sign), and the
// release owner's GO / NO-GO. The acts are asked of the panel.
class LaunchDecisionView final : public QWidget {
    Q_OBJECT
public:
    explicit LaunchDecisionView(QWidget *parent = nullptr);

    // `status` as computed now; `me` the signed-in identity (empty when locked) with its roles.
    void showStatus(const LaunchStatus &status, const QString &me, const QStringList &roles);

Q_SIGNALS:
    // Where a no-go rule is cleared: rollback, killswitch, alerts or probes.
    void clearRequested(const QString &target);
    void signRequested(const QString &role);
    void decideRequested(bool go);

private:
    void showRules(const LaunchStatus &status);
    // The "Go and clear it" button for the current rule (enabled while it holds).
    void showClear(const QModelIndex &rule);
    void showSignoffs(const LaunchStatus &status, const QString &me, const QStringList &roles);

    NoGoRuleModel *m_rulesModel = nullptr;
    QListView *m_rules = nullptr;
    QPushButton *m_clear = nullptr;
    QHash<QString, QLabel *> m_signoffLabels;
    QHash<QString, QPushButton *> m_signButtons;
    QPushButton *m_go = nullptr;
    QPushButton *m_noGo = nullptr;
};

} // namespace ops::ui
