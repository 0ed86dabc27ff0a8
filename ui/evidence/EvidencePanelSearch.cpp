// The Evidence panel's searching: the filters and what they offer, the search off the window's
// thread on the team log, and the count line that says what the table holds.
#include "EvidencePanel.h"

#include "common/AppContext.h"
#include "common/Colours.h"
#include "common/ErrorText.h"
#include "common/StatusWidgets.h"
#include "core/Time.h"
#include "store/BackgroundSearch.h"
#include "store/EventTableModel.h"
#include "store/PgEvidenceStore.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"
#include "store/TeamLogCopy.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QTableView>

namespace ops::ui {

using namespace colours;

QString EvidencePanel::describe(const EventSearch &s) {
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

void EvidencePanel::fillFilterChoices() {
    const auto *s = dynamic_cast<const EventBrowser *>(browsed());
    if (!s)
        return;
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
    fill(m_kind, tr("All kinds"), orEmpty(s->distinctValues(EventSort::Kind)), true);
    fill(m_scope, tr("All scopes"), orEmpty(s->distinctValues(EventSort::Scope)), false);
    fill(m_actor, tr("All actors"), orEmpty(s->distinctValues(EventSort::Actor)), false);
}

void EvidencePanel::applyFilters() {
    EventSearch s = m_model->search();
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
    auto applied = m_model->setSearch(s);
    m_search->setProperty("valid", applied.ok());
    m_search->setStyleSheet(
        applied.ok()
            ? (s.text.trimmed().isEmpty()
                   ? QString()
                   : QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(QLatin1String(kGreen)))
            : QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(QLatin1String(kRed)));
    m_search->setToolTip(applied.ok() ? QString() : applied.error().message);
    if (!applied.ok())
        report(tr("Search not applied: %1").arg(applied.error().message), true);
    else
        report(QString());
    if (m_detailSeq) {
        const int row = m_model->rowOfLoadedSeq(m_detailSeq);
        if (row >= 0) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(row);
        }
    }
}

void EvidencePanel::searchOffThread(EvidenceStore *log) {
    if (!dynamic_cast<PgEvidenceStore *>(log)) {
        m_model->setPageReader({});
        return;
    }
    const QString url = m_app->host()->path();
    if (!m_searcher || m_searcherUrl != url) {
        delete m_searcher;
        m_searcherUrl = url;
        StoreOpenOptions options = m_app->host()->options();
        options.readOnly = true;
        options.create = false;
        m_searcher = new BackgroundSearch(
            [url, options]() -> Result<std::unique_ptr<EventBrowser>> {
                auto opened = PgEvidenceStore::open(url, options);
                if (!opened.ok())
                    return opened.error();
                return std::unique_ptr<EventBrowser>(std::move(opened).value());
            },
            this);
    }
    m_model->setPageReader([searcher = QPointer<BackgroundSearch>(m_searcher)](
                               const EventSearch &search, const std::optional<SearchCursor> &after, int limit,
                               std::function<void(Result<SearchPage>)> done) {
        if (searcher)
            searcher->request(search, after, limit, std::move(done));
    });
}

void EvidencePanel::updateCount() {
    SqliteEvidenceStore *s = store();
    m_count->setStyleSheet(QString());
    if (const auto &failure = m_model->failure(); failure && !failure->id.isEmpty()) {
        // A failure the window can explain in its own words (a search that took too long).
        m_count->setText(ui::errorText(*failure));
        m_count->setToolTip(failure->toString());
        return;
    }
    if (!s && m_app->host()->isTeamLog()) {
        // Never an empty list that looks like an empty log: an unreadable team log says so.
        if (!m_model->lastError().isEmpty()) {
            m_count->setText(tr("The team log cannot be read"));
            m_count->setToolTip(m_model->lastError());
            return;
        }
        if (StoreHost *host = m_app->host(); host->isOffline() && host->teamCopy()) {
            // The copy and the acts made here since: the latter have no place in the team log yet.
            const qint64 copied = static_cast<qint64>(host->teamCopy()->size());
            m_count->setText(
                tr("Offline — this console's copy of the team log: %1; made here, not in the team "
                   "log yet: %2")
                    .arg(copied)
                    .arg(qMax<qint64>(0, m_model->rowCount() - copied)));
            m_count->setToolTip(
                tr("The positions of the acts made here are provisional until they are synced"));
            return;
        }
        const int n = m_model->rowCount();
        if (m_model->search().isEverything()) {
            m_count->setText(tr("%n event(s) in the team log", nullptr, n));
            m_count->setToolTip(tr("Search and filters run on the team log's server"));
        } else if (m_model->isSearching() && n == 0) {
            m_count->setText(tr("Searching the team log…"));
            m_count->setToolTip(describe(m_model->search()));
        } else {
            // Matches arrive page by page from the server; no count of the rest is asked for.
            m_count->setText(m_model->isComplete()
                                 ? tr("%n matching event(s) in the team log", nullptr, n)
                                 : tr("%1+ matching events in the team log (more load as you scroll)")
                                       .arg(QLocale().toString(n)));
            m_count->setToolTip(describe(m_model->search()));
            // A tampered log can hold events its search indexes could not take: said beside every
            // search, never a count that looks complete.
            if (auto *team = dynamic_cast<PgEvidenceStore *>(browsed())) {
                // Asked of the server once a log change, not on every page that arrives.
                if (!m_unsearchable || m_unsearchable->first != m_storeGeneration) {
                    auto counted = team->unsearchableEvents();
                    m_unsearchable.emplace(m_storeGeneration, counted.ok() ? counted.value() : 0);
                }
                if (const qint64 missed = m_unsearchable->second; missed > 0) {
                    m_count->setText(m_count->text() +
                                     tr(" — %n event(s) cannot be searched (not UTF-8 JSON; Verify store "
                                        "names them)",
                                        nullptr, int(missed)));
                    m_count->setStyleSheet(
                        QStringLiteral("color: %1;").arg(colours::onBase(kRed, palette()).name()));
                }
            }
        }
        return;
    }
    if (!s) {
        m_count->setText(tr("No evidence store"));
        return;
    }
    if (!m_model->lastError().isEmpty()) {
        m_count->setText(tr("Search failed"));
        m_count->setToolTip(m_model->lastError());
        return;
    }
    const int n = m_model->rowCount();
    m_count->setToolTip(describe(m_model->search()));
    if (m_model->isComplete()) {
        m_count->setText(tr("%n event(s)", nullptr, n));
        return;
    }
    if (m_exactCount && m_exactCount->first == m_model->search()) {
        if (m_exactCount->second < 0) {
            m_count->setText(tr("%1+ events (more load as you scroll)").arg(QLocale().toString(n)));
            return;
        }
        m_count->setText(
            tr("%Ln event(s), %1 loaded (more as you scroll)", nullptr, int(m_exactCount->second))
                .arg(QLocale().toString(n)));
        return;
    }
    m_count->setText(tr("%1+ events (counting…)").arg(QLocale().toString(n)));
    countInBackground();
}

} // namespace ops::ui
