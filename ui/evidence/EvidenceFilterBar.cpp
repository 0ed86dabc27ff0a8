#include "EvidenceFilterBar.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"
#include "core/Time.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace ops::ui {

QString describeSearch(const EventSearch &s) {
    QStringList parts;
    if (!s.text.isEmpty())
        parts << QStringLiteral("text \"%1\"").arg(s.text);
    if (!s.kind.isEmpty())
        parts << QStringLiteral("kind %1").arg(s.kind);
    if (!s.kindPrefix.isEmpty())
        parts << QStringLiteral("kind %1*").arg(s.kindPrefix);
    if (!s.scope.isEmpty())
        parts << QStringLiteral("scope %1").arg(s.scope);
    if (!s.actor.isEmpty())
        parts << QStringLiteral("actor %1").arg(s.actor);
    if (!s.ref.isEmpty())
        parts << QStringLiteral("about %1").arg(s.ref);
    if (s.fromMs)
        parts << QStringLiteral("from %1").arg(Time::toIso(*s.fromMs));
    if (s.toMs)
        parts << QStringLiteral("before %1").arg(Time::toIso(*s.toMs));
    return parts.isEmpty() ? QStringLiteral("every event") : parts.join(QStringLiteral(", "));
}

EvidenceFilterBar::EvidenceFilterBar(QWidget *parent)
    : QWidget(parent) {
    auto *filters = new QGridLayout(this);
    filters->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("eventSearch"));
    m_search->setPlaceholderText(
        tr("Search every event (Ctrl+F): words, \"a phrase\", prefix*, AND / OR / NOT"));
    m_search->setAccessibleName(tr("Full-text search"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 0, 0, 1, 4);
    auto combo = [this](const char *name, const QString &accessible) {
        auto *c = new QComboBox(this);
        c->setObjectName(QLatin1String(name));
        c->setAccessibleName(accessible);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(10);
        return c;
    };
    m_kind = combo("kindFilter", tr("Kind"));
    m_scope = combo("scopeFilter", tr("Scope"));
    m_actor = combo("actorFilter", tr("Actor"));
    m_time = combo("timeFilter", tr("Time range"));
    m_time->addItem(tr("All time"), 0);
    m_time->addItem(tr("Last hour"), 3600);
    m_time->addItem(tr("Last 24 hours"), 86400);
    m_time->addItem(tr("Last 7 days"), 7 * 86400);
    m_time->addItem(tr("Between…"), -1);
    // Wide enough for the "all" entries and the time ranges in every language (German's are long).
    for (auto [c, all] : {std::pair{m_kind, tr("All kinds")}, std::pair{m_scope, tr("All scopes")},
                          std::pair{m_actor, tr("All actors")}})
        c->setMinimumContentsLength(qMax(10, int(all.size()) + 1));
    int longest = 10;
    for (int i = 0; i < m_time->count(); ++i)
        longest = qMax(longest, int(m_time->itemText(i).size()) + 1);
    m_time->setMinimumContentsLength(longest);
    m_ref = new QLineEdit(this);
    m_ref->setObjectName(QStringLiteral("refFilter"));
    m_ref->setPlaceholderText(tr("Incident, run or record id"));
    m_ref->setAccessibleName(tr("Incident or record"));
    m_ref->setClearButtonEnabled(true);
    filters->addWidget(m_kind, 1, 0);
    filters->addWidget(m_scope, 1, 1);
    filters->addWidget(m_actor, 1, 2);
    filters->addWidget(m_ref, 1, 3);
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_time);
    m_from = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addDays(-1), this);
    m_from->setObjectName(QStringLiteral("fromTime"));
    m_to = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addSecs(3600), this);
    m_to->setObjectName(QStringLiteral("toTime"));
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        e->setCalendarPopup(true);
        e->setVisible(false);
        timeRow->addWidget(e);
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &EvidenceFilterBar::changed);
    }
    timeRow->addStretch();
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("matchCount"));
    timeRow->addWidget(m_count);
    filters->addLayout(timeRow, 2, 0, 1, 4);

    // Filters apply as you type (debounced).
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(debounce, &QTimer::timeout, this, &EvidenceFilterBar::changed);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_ref, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_kind, m_scope, m_actor})
        connect(c, &QComboBox::currentIndexChanged, this, &EvidenceFilterBar::changed);
    connect(m_time, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = m_time->currentData().toInt() < 0;
        m_from->setVisible(between);
        m_to->setVisible(between);
        Q_EMIT changed();
    });
}

EventSearch EvidenceFilterBar::searchFrom(EventSearch s) const {
    const QString kind = m_kind->currentData().toString();
    s.kind = kind.endsWith(QLatin1Char('.')) ? QString() : kind;
    s.kindPrefix = kind.endsWith(QLatin1Char('.')) ? kind : QString();
    s.scope = m_scope->currentData().toString();
    s.actor = m_actor->currentData().toString();
    s.ref = m_ref->text().trimmed();
    s.text = m_search->text();
    const int window = m_time->currentData().toInt();
    s.fromMs.reset();
    s.toMs.reset();
    if (window > 0) {
        s.fromMs = Time::nowMs() - qint64(window) * 1000;
    } else if (window < 0) {
        s.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        s.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    return s;
}

void EvidenceFilterBar::showAccepted(const Result<void> &applied) {
    m_search->setProperty("valid", applied.ok());
    const char *border = !applied.ok()                          ? colours::kRed
                         : m_search->text().trimmed().isEmpty() ? nullptr
                                                                : colours::kGreen;
    m_search->setStyleSheet(
        border ? QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(QLatin1String(border))
               : QString());
    m_search->setToolTip(applied.ok() ? QString() : applied.error().message);
}

void EvidenceFilterBar::fillChoices(const EventBrowser &log) {
    auto fill = [](QComboBox *c, const QString &all, const QStringList &values, bool families) {
        const QString keep = c->currentData().toString();
        QSignalBlocker block(c);
        c->clear();
        c->addItem(all, QString());
        QStringList seenFamilies;
        for (const QString &v : values) {
            const QString family = v.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.');
            if (families && v.contains(QLatin1Char('.')) && !seenFamilies.contains(family)) {
                seenFamilies << family;
                c->addItem(family + QLatin1Char('*'), family);
            }
            c->addItem(families ? QStringLiteral("   ") + v : v, v);
        }
        const int at = c->findData(keep);
        c->setCurrentIndex(at < 0 ? 0 : at);
    };
    fill(m_kind, tr("All kinds"), orEmpty(log.distinctValues(EventSort::Kind)), true);
    fill(m_scope, tr("All scopes"), orEmpty(log.distinctValues(EventSort::Scope)), false);
    fill(m_actor, tr("All actors"), orEmpty(log.distinctValues(EventSort::Actor)), false);
}

bool EvidenceFilterBar::hasChoices() const {
    return m_kind->count() > 1;
}

void EvidenceFilterBar::setSearchable(bool searchable) {
    const QString why =
        searchable
            ? QString()
            : tr("Search and filters need the team log itself: this console's copy of it is browsed by "
                 "position until the server is back");
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_kind, m_scope, m_actor, m_time, m_ref}) {
        w->setEnabled(searchable);
        w->setToolTip(why);
    }
    if (!searchable) {
        // Say what they would show rather than empty boxes.
        for (const auto &[c, all] : {std::pair{m_kind, tr("All kinds")}, std::pair{m_scope, tr("All scopes")},
                                     std::pair{m_actor, tr("All actors")}})
            if (c->count() == 0)
                c->addItem(all, QString());
    }
}

void EvidenceFilterBar::focusSearch() {
    m_search->setFocus();
    m_search->selectAll();
}

} // namespace ops::ui
