#include "LaunchDecisionView.h"

#include "NoGoRuleModel.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"
#include "common/TimeFormat.h"
#include "launch/LaunchRefusals.h"

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
        // The rule is the launch's own (LaunchRefusals::signoff); the words are this button's.
        QString why;
        if (open && me.isEmpty()) {
            why = tr("Sign in as an identity with the %1 role").arg(role);
        } else if (const std::optional<Error> no = LaunchRefusals::signoff(st, me, roles, role)) {
            const QString &id = no->id;
            why = id == QLatin1String("role.needed") ? tr("%1 does not hold the %2 role").arg(me, role)
                  : id == QLatin1String("launch.two_roles")
                      ? tr("%1 signed as %2; one identity never signs two roles").arg(me, no->args.value(1))
                  : id == QLatin1String("launch.checklist_open")
                      ? tr("Every check must hold before anyone signs")
                  : id == QLatin1String("launch.signed") ? tr("Signed and still valid")
                                                         : tr("No open launch to sign");
        }
        button->setEnabled(why.isEmpty());
        button->setToolTip(
            why.isEmpty() ? tr("Sign the launch record %1… as %2").arg(st.recordSha256.left(12), me) : why);
    }
    // GO and NO-GO: the launch's rule (LaunchRefusals::decision), this view's words.
    const auto decisionWhy = [&](bool go) -> QString {
        const std::optional<Error> no = LaunchRefusals::decision(st, me, roles, go);
        if (!no)
            return {};
        return no->id == QLatin1String("role.needed")   ? tr("Only a release owner decides")
               : no->id == QLatin1String("launch.nogo") ? tr("The evidence says NO-GO")
                                                        : tr("No open launch");
    };
    const QString goWhy = decisionWhy(true), noGoWhy = decisionWhy(false);
    m_go->setEnabled(goWhy.isEmpty());
    m_go->setToolTip(goWhy.isEmpty() ? tr("Record GO, signed by %1").arg(me) : goWhy);
    m_noGo->setEnabled(noGoWhy.isEmpty());
    m_noGo->setToolTip(noGoWhy.isEmpty() ? tr("End this launch attempt as NO-GO, with a note") : noGoWhy);
}

} // namespace ops::ui
