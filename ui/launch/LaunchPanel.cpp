#include "LaunchPanel.h"

#include "common/ErrorText.h"

#include "LaunchChecklistModel.h"
#include "store/OpenStore.h"

#include "common/AppContext.h"
#include "common/TimeFormat.h"
#include "store/StoreHost.h"

#include "core/CanonicalJson.h"
#include "launch/LaunchActions.h"
#include "launch/LaunchExport.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreWorker.h"

#include "LaunchDecisionView.h"

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
    delete m_worker; // cancels a running check and waits for it
}

QString LaunchPanel::title() const {
    return tr("Launch");
}

QIcon LaunchPanel::icon() const {
    return QIcon(QStringLiteral(":/icons/launch.svg"));
}

void LaunchPanel::buildUi() {
    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("launchBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setWordWrap(true);
    m_banner->setMinimumHeight(64);
    QFont big = m_banner->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_banner->setFont(big);
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
    // Checklist
    auto *checkBox = new QGroupBox(tr("Checklist"), split);
    auto *cl = new QVBoxLayout(checkBox);
    m_progress = new QProgressBar(checkBox);
    m_progress->setObjectName(QStringLiteral("checklistProgress"));
    m_progress->setFormat(tr("%v of %m checks hold"));
    cl->addWidget(m_progress);
    m_checkModel = new LaunchChecklistModel(this);
    m_checkModel->setColours(colours::onBase(kGreen, palette()), colours::onBase(kRed, palette()));
    m_checks = new QTableView(checkBox);
    m_checks->setObjectName(QStringLiteral("checklist"));
    m_checks->setAccessibleName(tr("Launch-day checklist"));
    m_checks->setModel(m_checkModel);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->verticalHeader()->hide();
    m_checks->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_checks->setWordWrap(false);
    connect(m_checks->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showCheckDetail(); });
    cl->addWidget(m_checks, 2);
    m_detail = new QPlainTextEdit(checkBox);
    m_detail->setObjectName(QStringLiteral("checkEvidence"));
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("Evidence of the selected check"));
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cl->addWidget(m_detail, 1);
    auto *row = new QHBoxLayout;
    m_note = new QLineEdit(checkBox);
    m_note->setObjectName(QStringLiteral("checkNote"));
    m_note->setPlaceholderText(tr("Note: what was observed (the publish job, the version)"));
    m_note->setAccessibleName(tr("Note for the check"));
    m_run = new QPushButton(tr("Run check"), checkBox);
    m_run->setObjectName(QStringLiteral("runCheckButton"));
    connect(m_run, &QPushButton::clicked, this, &LaunchPanel::runCheck);
    row->addWidget(m_note, 1);
    row->addWidget(m_run);
    cl->addLayout(row);

    m_decision = new LaunchDecisionView(split);
    connect(m_decision, &LaunchDecisionView::clearRequested, this, &LaunchPanel::clearRequested);
    connect(m_decision, &LaunchDecisionView::signRequested, this, &LaunchPanel::sign);
    connect(m_decision, &LaunchDecisionView::decideRequested, this, &LaunchPanel::decide);

    split->addWidget(checkBox);
    split->addWidget(m_decision);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    auto *messageRow = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("launchStatus"));
    m_message->setWordWrap(true);
    messageRow->addWidget(m_message, 1);
    m_workProgress = new QProgressBar(this);
    m_workProgress->setObjectName(QStringLiteral("launchWorkProgress"));
    m_workProgress->setAccessibleName(tr("Progress of the running check"));
    m_workProgress->setMaximumWidth(240);
    m_workProgress->setVisible(false);
    messageRow->addWidget(m_workProgress);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("launchCancelWork"));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QPushButton::clicked, this,
            [this] { m_worker->cancel(StoreWorker::Job::BackgroundAct); });
    messageRow->addWidget(m_cancelButton);
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
    QString banner;
    QString colour;
    int holding = 0;
    for (const NoGoRule &r : st.rules)
        holding += r.holds ? 1 : 0;
    int valid = 0;
    for (const LaunchSignoff &s : st.signoffs)
        valid += s.state == SignoffState::Valid ? 1 : 0;
    if (st.decided) {
        banner = tr("%1 recorded by %2 at %3")
                     .arg(st.decided->decision, st.decided->actor, TimeFormat::minutes(st.decided->tsMs));
        if ((st.decided->decision == QLatin1String("GO")) != st.go)
            banner += QLatin1Char('\n') +
                      tr("The evidence now says %1: %2")
                          .arg(st.go ? QStringLiteral("GO") : QStringLiteral("NO-GO"),
                               st.reasons.isEmpty() ? QString() : st.reasons.first().second.translated());
        colour = st.decided->decision == QLatin1String("GO") ? QLatin1String(kGreen) : QLatin1String(kRed);
    } else if (st.go) {
        banner = tr("GO — every check holds, three sign-offs verify, no no-go rule holds");
        colour = QLatin1String(kGreen);
    } else {
        QStringList why;
        if (!st.run)
            why << tr("no launch started");
        else
            why << tr("%1 of %2 checks hold").arg(st.checksHolding()).arg(st.checks.size())
                << tr("%1 of 3 sign-offs valid").arg(valid);
        why << (holding == 1 ? tr("1 no-go rule holds") : tr("%1 no-go rules hold").arg(holding));
        banner = tr("NO-GO — %1").arg(why.join(QStringLiteral(" · ")));
        colour = QLatin1String(kRed);
    }
    if (st.rehearsal)
        banner += QLatin1Char('\n') + tr("Rehearsal: the %1 environment, not prod").arg(st.environment);
    m_banner->setText(banner);
    m_banner->setAccessibleName(banner);
    m_banner->setProperty("decision", st.go ? QStringLiteral("GO") : QStringLiteral("NO-GO"));
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 6px; padding: 8px; }")
            .arg(colour));

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

    const QString keep = currentCheck();
    {
        const QSignalBlocker block(m_checks->selectionModel());
        m_checkModel->setChecks(st.checks);
    }
    m_progress->setMaximum(qMax(1, static_cast<int>(st.checks.size())));
    m_progress->setValue(st.checksHolding());
    if (!keep.isEmpty())
        selectCheck(keep);
    if (currentCheck().isEmpty() && !st.checks.isEmpty())
        m_checks->selectRow(m_checkModel->nextRow()); // the first check that does not hold yet
    showCheckDetail();

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
    m_run->setEnabled(canCheck && !m_probe && !m_working && !currentCheck().isEmpty());
    m_run->setToolTip(!open    ? tr("No open launch")
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
    const LaunchCheck *c = m_checkModel->checkAt(m_checks->currentIndex().row());
    return c ? c->step.id : QString();
}

void LaunchPanel::selectCheck(const QString &step) {
    if (const int row = m_checkModel->rowOf(step); row >= 0)
        m_checks->selectRow(row);
}

void LaunchPanel::showCheckDetail() {
    const LaunchCheck *c = m_status.check(currentCheck());
    if (!c) {
        m_detail->clear();
        m_run->setText(tr("Run check"));
        return;
    }
    QString text = c->step.action + QStringLiteral("\n\n");
    if (c->seq == 0)
        text += tr("Not recorded yet.");
    else
        text += tr("%1 by %2 at %3 (event %4)%5\n\n")
                    .arg(LaunchChecklistModel::statusText(c->status), c->actor, TimeFormat::minutes(c->tsMs))
                    .arg(c->seq)
                    .arg(c->stale.isEmpty() ? QString() : QStringLiteral("\n") + c->stale.translated()) +
                QString::fromStdString(CanonicalJson::pretty(c->evidence));
    m_detail->setPlainText(text);
    const QString id = c->step.id;
    QString label = tr("Probe now");
    if (id == QLatin1String("config-snapshot"))
        label = tr("Take snapshot");
    else if (id == QLatin1String("build-checksums"))
        label = tr("Checksum files…");
    else if (id == QLatin1String("archive"))
        label = tr("Archive evidence…");
    else if (!c->step.needs(EvidenceKind::Probe))
        label = tr("Confirm");
    else if (id == QLatin1String("live-app-fetch") &&
             m_config.scope(m_status.run ? m_status.run->scope : QString()) &&
             !m_config.scope(m_status.run->scope)->appFetch.isValid())
        label = tr("Confirm by hand");
    m_run->setText(label);
    updateSignoffs();
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

} // namespace ops::ui
