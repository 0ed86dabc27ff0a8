#include "LaunchPanel.h"

#include "common/ErrorText.h"
#include "runbooks/Runbook.h"

#include "LaunchChecklistModel.h"
#include "store/OpenStore.h"

#include "common/TimeFormat.h"
#include "runtime/AppContext.h"
#include "store/StoreHost.h"

#include "core/CanonicalJson.h"
#include "launch/LaunchActions.h"
#include "launch/LaunchExport.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreWorker.h"

#include "LaunchBanner.h"
#include "LaunchChecklistView.h"
#include "LaunchDecisionView.h"
#include "common/MessageBox.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "common/Colours.h"
#include "common/StatusWidgets.h"

namespace ops::ui {

namespace {

using colours::kGreen;
using colours::kRed;

} // namespace

LaunchPanel::LaunchPanel(AppContext *app, QWidget *parent)
    : Panel(parent)
    , m_app(app)
    , m_config(app->config())
    , m_environment(app->environment())
    , m_session(app->session())
    , m_store([app] { return app->store(); })
    , m_library(RunbookLibrary::forDirectory(m_config.runbooksDir)) {
    setObjectName(QStringLiteral("launchPanel"));
    setAccessibleName(title());
    buildUi();
    if (m_session)
        connect(m_session, &Session::changed, this, &LaunchPanel::updateSignoffs);
    followStore(m_app->host());
}

LaunchPanel::~LaunchPanel() {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
}

QString LaunchPanel::title() const {
    return tr("Launch");
}

QIcon LaunchPanel::icon() const {
    return QIcon(QStringLiteral(":/icons/launch.svg"));
}

void LaunchPanel::buildUi() {
    auto *layout = new QVBoxLayout(this);
    m_banner = new LaunchBanner(this);
    layout->addWidget(m_banner);

    auto *top = new QHBoxLayout;
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("launchHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    top->addWidget(m_header, 1);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("launchScope"));
    m_scope->setAccessibleName(tr("Scope to launch"));
    for (const ScopeConfig *s : m_config.orderedScopes())
        m_scope->addItem(s->id);
    m_build = new QLineEdit(this);
    m_build->setObjectName(QStringLiteral("launchBuild"));
    m_build->setPlaceholderText(tr("App build, e.g. 2026.11.23-rc1"));
    m_build->setAccessibleName(tr("App build"));
    m_build->setMinimumWidth(180);
    m_start = new QPushButton(tr("Start launch"), this);
    m_start->setObjectName(QStringLiteral("startLaunchButton"));
    connect(m_start, &QPushButton::clicked, this, &LaunchPanel::startLaunch);
    connect(m_build, &QLineEdit::returnPressed, this, &LaunchPanel::startLaunch);
    top->addWidget(m_scope);
    top->addWidget(m_build);
    top->addWidget(m_start);
    m_export = new QPushButton(tr("Export record…"), this);
    m_export->setObjectName(QStringLiteral("exportRecordButton"));
    m_export->setToolTip(tr("The launch record (JSON), the checksums file and every sign-off statement"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the launch record into"));
        if (!dir.isEmpty())
            exportRecordTo(QDir(dir).filePath(
                QStringLiteral("launch-record-%1").arg(m_status.run ? m_status.run->id : QString())));
    });
    top->addWidget(m_export);
    layout->addLayout(top);

    auto *split = new QSplitter(this);
    m_checks = new LaunchChecklistView(m_config, split);
    connect(m_checks, &LaunchChecklistView::runRequested, this, &LaunchPanel::runCheck);
    connect(m_checks, &LaunchChecklistView::currentChanged, this, &LaunchPanel::updateSignoffs);
    m_decision = new LaunchDecisionView(split);
    connect(m_decision, &LaunchDecisionView::clearRequested, this, &LaunchPanel::clearRequested);
    connect(m_decision, &LaunchDecisionView::signRequested, this, &LaunchPanel::sign);
    connect(m_decision, &LaunchDecisionView::decideRequested, this, &LaunchPanel::decide);

    split->addWidget(m_checks);
    split->addWidget(m_decision);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    auto *messageRow = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("launchStatus"));
    m_message->setWordWrap(true);
    messageRow->addWidget(m_message, 1);
    m_background = new LaunchBackgroundAct(this);
    connect(m_background, &LaunchBackgroundAct::finished, this,
            [this](const Result<StoredEvent> &result, bool cancelled) {
                const bool ok = handle(result, m_backgroundDone);
                if (!ok && cancelled)
                    report(tr("Cancelled: nothing was recorded."), true);
                Q_EMIT backgroundFinished(ok);
            });
    messageRow->addWidget(m_background);
    layout->addLayout(messageRow);
}

void LaunchPanel::showEvent(QShowEvent *event) {
    const bool stale = isStale();
    Panel::showEvent(event); // refreshes when the log changed while hidden
    if (!stale)
        refresh();
}

void LaunchPanel::refresh() {
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        m_status = LaunchStatus{};
        m_status.reasons << qMakePair(QStringLiteral("store"),
                                      tr("No evidence store: nothing can be validated"));
        showStatus();
        return;
    }
    auto in = LaunchInputs::read(*store, m_config, m_environment, m_library, m_clock());
    if (!in.ok()) {
        report(tr("Cannot read the store: %1").arg(in.error().message), true);
        return;
    }
    m_status = computeLaunchStatus(in.value());
    showStatus();
}

void LaunchPanel::showStatus() {
    const LaunchStatus &st = m_status;
    const bool open = st.run && !st.run->finished;
    m_banner->showStatus(st);

    if (st.run)
        m_header->setText(tr("%1 · scope %2 · build %3 · started by %4 at %5%6")
                              .arg(st.run->id, st.run->scope, st.build, st.run->startedBy,
                                   TimeFormat::minutes(st.run->startedMs),
                                   st.run->finished ? tr(" · decided") : QString()));
    else
        m_header->setText(tr("No launch yet: choose the scope and the app build, then start."));
    m_scope->setVisible(!open);
    m_build->setVisible(!open);
    m_start->setVisible(!open);
    m_export->setEnabled(st.run.has_value());

    m_checks->showStatus(st); // the selection's signal updates the sign-offs
    updateSignoffs();
}

void LaunchPanel::updateSignoffs() {
    const LaunchStatus &st = m_status;
    const bool open = st.run && !st.run->finished;
    const QStringList roles = actorRoles();
    m_decision->showStatus(st, m_session && m_session->isUnlocked() ? m_session->identity() : QString(),
                           roles);
    const bool owner = roles.contains(QStringLiteral("release-owner"));
    const bool canCheck = open && owner;
    m_checks->setRunnable(canCheck && !m_probe && !isWorking() && !currentCheck().isEmpty(),
                          !open    ? tr("No open launch")
                          : !owner ? tr("Checks are recorded by a release owner")
                                   : QString());
}

QStringList LaunchPanel::actorRoles() const {
    if (!m_session || !m_session->isUnlocked())
        return {};
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store)
        return {};
    auto id = store->identity(m_session->identity());
    return id.ok() ? id->roles : QStringList{};
}

QString LaunchPanel::currentCheck() const {
    return m_checks->currentCheck();
}

void LaunchPanel::selectCheck(const QString &step) {
    m_checks->selectCheck(step);
}

bool LaunchPanel::isWorking() const {
    return m_background->isBusy();
}

std::unique_ptr<LaunchActions> LaunchPanel::actions() {
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: every launch check is signed evidence."), true);
            return nullptr;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return nullptr;
    }
    return std::make_unique<LaunchActions>(*store, *m_session->signer(), m_config, m_environment, m_library,
                                           m_clock);
}

void LaunchPanel::report(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(
        error ? QStringLiteral("color: %1; font-weight: bold;").arg(colours::onBase(kRed, palette()).name())
              : QStringLiteral("color: %1;").arg(colours::onBase(kGreen, palette()).name()));
    m_message->setAccessibleName(text);
}

bool LaunchPanel::handle(const Result<StoredEvent> &result, const QString &done) {
    if (!result.ok()) {
        report(errorText(result.error()), true);
        refresh();
        return false;
    }
    const JsonValue p = result->payload();
    const bool failed = p.stringAt("status") == QLatin1String("failed");
    report(failed
               ? tr("%1 failed: %2 (event %3)").arg(p.stringAt("step"), p.stringAt("note")).arg(result->seq)
               : actRecorded(done, result.value(), !m_store || !m_store() || m_store()->reachable()),
           failed);
    refresh();
    return !failed;
}

void LaunchPanel::startLaunch() {
    auto a = actions();
    if (!a)
        return;
    handle(a->start(m_scope->currentText(), m_build->text()), tr("Launch started"));
}

void LaunchPanel::runCheck() {
    const QString id = currentCheck();
    const LaunchCheck *c = m_status.check(id);
    if (!c || !m_status.run)
        return;
    auto a = actions();
    if (!a)
        return;
    const QString run = m_status.run->id;
    // What the check needs is the launch's to say (LaunchActions::planCheck); asking for it is this view's.
    auto plan = a->planCheck(run, id);
    if (!plan.ok()) {
        report(errorText(plan.error()), true);
        return;
    }
    switch (plan->method) {
    case CheckMethod::Checksums: {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Release build files to checksum"));
        if (!files.isEmpty())
            checksumFiles(files);
        return;
    }
    case CheckMethod::Archive: {
        const QString path = QFileDialog::getSaveFileName(this, tr("Archive the evidence as a signed bundle"),
                                                          QStringLiteral("launch-evidence.tar.zst"),
                                                          tr("Evidence bundles (*.tar.zst)"));
        if (!path.isEmpty())
            archiveTo(path);
        return;
    }
    case CheckMethod::Snapshot:
        handle(a->recordSnapshot(run), tr("Config snapshot verified"));
        return;
    case CheckMethod::Manual:
        if (MessageBox::question(this, tr("Confirm %1").arg(id),
                                 tr("%1\n\nConfirm that this holds, with the note as its evidence?")
                                     .arg(RunbookLibrary::shown(plan->action)),
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        handle(a->recordManual(run, id, m_checks->note(), {}, true), tr("%1 confirmed").arg(id));
        return;
    case CheckMethod::Probes:
        break;
    }
    if (!requireObservedNote(plan.value(), id, m_checks->note()).ok()) {
        report(
            tr("%1 needs a note on what was observed (the publish job and the version it published)").arg(id),
            true);
        m_checks->focusNote();
        return;
    }
    report(tr("Probing for %1…").arg(id));
    m_probe = new LaunchProbe(plan->probes, m_app->secrets().operatorToken, this);
    m_checks->setRunnable(false, tr("Probing…"));
    const QString note = m_checks->note();
    connect(m_probe, &LaunchProbe::finished, this, [this, run, id, note](const QList<ProbeResult> &results) {
        m_probe->deleteLater();
        m_probe = nullptr;
        if (auto act = actions(); act && handle(act->recordProbes(run, id, results, note),
                                                tr("%1 probed: %2").arg(id, probeSummary(results))))
            m_checks->clearNote();
        Q_EMIT probeFinished();
    });
    m_probe->start();
}

bool LaunchPanel::checksumFiles(const QStringList &paths) {
    if (!m_status.run)
        return false;
    const QString run = m_status.run->id;
    qint64 total = 0; // known up front for files; a directory makes it a busy bar
    for (const QString &p : paths) {
        const QFileInfo info(p);
        total = (total < 0 || !info.isFile()) ? -1 : total + info.size();
    }
    return runInBackground(total > 0
                               ? tr("Hashing %1 of build files…").arg(QLocale().formattedDataSize(total, 1))
                               : tr("Hashing the build files…"),
                           tr("Build checksums archived"), qMax<qint64>(0, total),
                           [run, paths](LaunchActions &a, const std::function<bool(qint64)> &progress) {
                               auto entries = ChecksumArchive::compute(paths, progress);
                               if (!entries.ok())
                                   return Result<StoredEvent>(entries.error());
                               return a.recordChecksums(run, entries.value());
                           });
}

bool LaunchPanel::archiveTo(const QString &path) {
    if (!m_status.run)
        return false;
    const QString run = m_status.run->id;
    const QString name = QFileInfo(path).fileName();
    return runInBackground(tr("Archiving the evidence to %1…").arg(name),
                           tr("Evidence archived to %1").arg(name), 0,
                           [run, path](LaunchActions &a, const std::function<bool(qint64)> &) {
                               return a.recordArchive(run, path);
                           });
}

bool LaunchPanel::runInBackground(const QString &busy, const QString &done, qint64 total,
                                  LaunchBackgroundAct::Work work) {
    if (isWorking()) {
        report(tr("Still busy with the last check."), true);
        return false;
    }
    if (!actions()) // signed in, with a store; says what is missing otherwise
        return false;
    // The worker opens the store again by its path: the file, or the team log's URL. Working from
    // the copy of an unreachable team log, there is nothing to open.
    if (!m_store()->reachable()) {
        report(tr("This check runs on a connection of its own, which needs the team log: it cannot be "
                  "reached now."),
               true);
        return false;
    }
    LaunchBackgroundAct::Context context{
        m_store()->path(),
        std::make_shared<Signer>(Signer{m_session->signer()->name, m_session->signer()->key.duplicate()}),
        m_config,
        m_environment,
        m_library,
        m_clock};
    if (!m_background->start(std::move(context), total, std::move(work))) {
        report(tr("Still busy with the last check."), true);
        return false;
    }
    m_backgroundDone = done;
    m_checks->setRunnable(false, busy);
    report(busy);
    return true;
}

bool LaunchPanel::exportRecordTo(const QString &dir) {
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store || !m_status.run)
        return false;
    auto in = LaunchInputs::read(*store, m_config, m_environment, m_library, m_clock());
    if (!in.ok()) {
        report(errorText(in.error()), true);
        return false;
    }
    auto summary = exportLaunchRecord(computeLaunchStatus(in.value(), m_status.run->id), in.value(), dir);
    if (!summary.ok()) {
        report(errorText(summary.error()), true);
        return false;
    }
    report(tr("Launch record exported to %1: %2").arg(dir, summary->files.join(QStringLiteral(", "))));
    return true;
}

void LaunchPanel::sign(const QString &role) {
    if (!m_status.run)
        return;
    auto a = actions();
    if (!a)
        return;
    if (MessageBox::question(
            this, tr("Sign as %1").arg(Launch::roleTitle(role)),
            tr("Sign launch %1 (scope %2, build %3) as %4?\n\nYour signature covers the launch record "
               "%5…; any later change to the checklist invalidates it.")
                .arg(m_status.run->id, m_status.run->scope, m_status.build, Launch::roleTitle(role),
                     m_status.recordSha256.left(16)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    handle(a->signoff(m_status.run->id, role), tr("%1 sign-off recorded").arg(Launch::roleTitle(role)));
}

void LaunchPanel::decide(bool go) {
    if (!m_status.run)
        return;
    auto a = actions();
    if (!a)
        return;
    QString note;
    if (go) {
        if (MessageBox::question(this, tr("Record GO"),
                                 tr("Record GO for %1 (build %2)? This ends the launch checklist.")
                                     .arg(m_status.run->id, m_status.build),
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) != QMessageBox::Yes)
            return;
    } else {
        bool ok = false;
        note = QInputDialog::getText(this, tr("Record NO-GO"), tr("Why this launch attempt ends as NO-GO:"),
                                     QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
    }
    auto r = a->decide(m_status.run->id, go, note);
    if (!r.ok()) {
        report(errorText(r.error()), true);
        return;
    }
    report(tr("%1 recorded (event %2)")
               .arg(go ? QStringLiteral("GO") : QStringLiteral("NO-GO"))
               .arg(r->first().seq),
           !go);
    refresh();
}

} // namespace ops::ui
