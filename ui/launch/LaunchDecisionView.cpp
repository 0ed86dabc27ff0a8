#include "LaunchDecisionView.h"

#include "NoGoRuleModel.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"
#include "common/TimeFormat.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops::ui {

namespace {

using colours::kGreen;
using colours::kRed;

} // namespace

LaunchDecisionView::LaunchDecisionView(QWidget *parent)
    : QWidget(parent) {
    QWidget *right = this;
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto *rulesBox = new QGroupBox(tr("No-go rules"), right);
    auto *rbl = new QVBoxLayout(rulesBox);
    m_rulesModel = new NoGoRuleModel(this);
    m_rules = new QListView(rulesBox);
    m_rules->setObjectName(QStringLiteral("noGoRules"));
    m_rules->setAccessibleName(tr("No-go rules"));
    m_rules->setModel(m_rulesModel);
    m_rules->setWordWrap(true);
    m_rules->setSpacing(3);
    m_rules->setUniformItemSizes(false);
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_rules->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showClear(current); });
    connect(m_rules, &QListView::activated, this, [this](const QModelIndex &rule) {
        if (rule.data(NoGoRuleModel::HoldsRole).toBool())
            Q_EMIT clearRequested(rule.data(NoGoRuleModel::ClearTargetRole).toString());
    });
    rbl->addWidget(m_rules);
    m_clear = new QPushButton(tr("Go and clear it"), rulesBox);
    m_clear->setObjectName(QStringLiteral("clearRuleButton"));
    m_clear->setEnabled(false);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (const QModelIndex current = m_rules->currentIndex(); current.isValid())
            Q_EMIT clearRequested(current.data(NoGoRuleModel::ClearTargetRole).toString());
    });
    rbl->addWidget(m_clear, 0, Qt::AlignRight);
    rl->addWidget(rulesBox, 3);

    auto *signBox = new QGroupBox(tr("Sign-offs"), right);
    auto *sl = new QFormLayout(signBox);
    for (const QString &role : Launch::signoffRoles()) {
        auto *line = new QHBoxLayout;
        auto *label = new QLabel(signBox);
        label->setObjectName(QStringLiteral("signoffState_%1").arg(role));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *button = new QPushButton(tr("Sign as %1").arg(Launch::roleTitle(role)), signBox);
        button->setObjectName(QStringLiteral("signButton_%1").arg(role));
        connect(button, &QPushButton::clicked, this, [this, role] { Q_EMIT signRequested(role); });
        line->addWidget(label, 1);
        line->addWidget(button);
        sl->addRow(Launch::roleTitle(role), line);
        m_signoffLabels.insert(role, label);
        m_signButtons.insert(role, button);
    }
    rl->addWidget(signBox, 2);

    auto *decideRow = new QHBoxLayout;
    m_noGo = new QPushButton(tr("Record NO-GO…"), right);
    m_noGo->setObjectName(QStringLiteral("decideNoGoButton"));
    connect(m_noGo, &QPushButton::clicked, this, [this] { Q_EMIT decideRequested(false); });
    m_go = new QPushButton(tr("Record GO"), right);
    m_go->setObjectName(QStringLiteral("decideGoButton"));
    connect(m_go, &QPushButton::clicked, this, [this] { Q_EMIT decideRequested(true); });
    decideRow->addStretch();
    decideRow->addWidget(m_noGo);
    decideRow->addWidget(m_go);
    rl->addLayout(decideRow);
}

void LaunchDecisionView::showStatus(const LaunchStatus &status, const QString &me, const QStringList &roles) {
    showRules(status);
    showSignoffs(status, me, roles);
}

void LaunchDecisionView::showRules(const LaunchStatus &status) {
    // The same rule stays current across a refresh (rules keep their order and ids).
    const QString current = m_rules->currentIndex().data(NoGoRuleModel::RuleIdRole).toString();
    m_rulesModel->setRules(status.rules, palette());
    for (int row = 0; row < m_rulesModel->rowCount(); ++row)
        if (const QModelIndex i = m_rulesModel->index(row);
            i.data(NoGoRuleModel::RuleIdRole).toString() == current)
            m_rules->setCurrentIndex(i);
    showClear(m_rules->currentIndex());
}

void LaunchDecisionView::showClear(const QModelIndex &rule) {
    m_clear->setEnabled(rule.isValid() && rule.data(NoGoRuleModel::HoldsRole).toBool());
    m_clear->setToolTip(rule.isValid() ? rule.data(NoGoRuleModel::ClearHintRole).toString() : QString());
}

void LaunchDecisionView::showSignoffs(const LaunchStatus &status, const QString &me,
                                      const QStringList &roles) {
    const LaunchStatus &st = status;
    const bool open = st.run && !st.run->finished;
    QString signedOther;
    if (st.run)
        for (const auto &[role, who] : st.run->signatures)
            if (who == me)
                signedOther = role;
    bool complete = !st.checks.isEmpty();
    for (const LaunchCheck &c : st.checks)
        complete = complete && c.holds();
    for (const QString &role : Launch::signoffRoles()) {
        QLabel *label = m_signoffLabels.value(role);
        QPushButton *button = m_signButtons.value(role);
        const LaunchSignoff *s = st.signoff(role);
        QString text;
        QString colour = palette().color(QPalette::PlaceholderText).name();
        if (!s || s->state == SignoffState::Missing) {
            text = tr("not signed");
        } else if (s->state == SignoffState::Valid) {
            text = tr("✔ %1 · %2 · verifies").arg(s->identity, TimeFormat::minutes(s->tsMs));
            colour = colours::onBase(kGreen, palette()).name();
        } else {
            text = tr("✘ %1 · %2").arg(s->identity, signoffStateName(s->state));
            colour = colours::onBase(kRed, palette()).name();
        }
        label->setText(text);
        label->setToolTip(
            s && s->state != SignoffState::Missing
                ? tr("%1 at %2, key %3, record %4…%5")
                      .arg(s->identity, TimeFormat::minutes(s->tsMs), s->keyFingerprint,
                           s->recordSha256.left(16),
                           s->why.isEmpty() ? QString() : QStringLiteral("\n") + s->why.translated())
                : QString());
        label->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
        label->setProperty("state", s ? signoffStateName(s->state) : QStringLiteral("missing"));
        QString why;
        if (!open)
            why = tr("No open launch to sign");
        else if (me.isEmpty())
            why = tr("Sign in as an identity with the %1 role").arg(role);
        else if (!roles.contains(role))
            why = tr("%1 does not hold the %2 role").arg(me, role);
        else if (!signedOther.isEmpty() && signedOther != role)
            why = tr("%1 signed as %2; one identity never signs two roles").arg(me, signedOther);
        else if (!complete)
            why = tr("Every check must hold before anyone signs");
        else if (s && s->state == SignoffState::Valid)
            why = tr("Signed and still valid");
        button->setEnabled(why.isEmpty());
        button->setToolTip(
            why.isEmpty() ? tr("Sign the launch record %1… as %2").arg(st.recordSha256.left(12), me) : why);
    }
    const bool owner = roles.contains(QStringLiteral("release-owner"));
    m_go->setEnabled(open && st.go && owner);
    m_go->setToolTip(!open    ? tr("No open launch")
                     : !st.go ? tr("The evidence says NO-GO")
                     : !owner ? tr("Only a release owner decides")
                              : tr("Record GO, signed by %1").arg(me));
    m_noGo->setEnabled(open && owner);
    m_noGo->setToolTip(owner ? tr("End this launch attempt as NO-GO, with a note")
                             : tr("Only a release owner decides"));
}

} // namespace ops::ui
