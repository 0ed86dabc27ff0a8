#include "VerdictView.h"
#include "core/Time.h"

#include "common/Colours.h"
#include "common/StatusWidgets.h"
#include "proofs/ProofRecord.h"
#include "store/Session.h"
#include "store/SqliteEvidenceStore.h"
#include "store/StoreWorker.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;

struct VerdictOutcome {
    std::optional<VerdictReport> report;
    QString error;
    bool recordWanted = false;
    std::optional<quint64> recordedSeq;
    QString recordError;
};

VerdictView::VerdictView(Session *session, StoreProvider store, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(std::move(store))
    , m_worker(new StoreWorker(this)) {
    setObjectName(QStringLiteral("verdictView"));
    auto *l = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    const char *names[4] = {"scorePath", "bundlePath", "signaturePath", "publicKeyPath"};
    const QString labels[4] = {tr("score.json"), tr("Evidence bundle"), tr("verdict.sig"), tr("verdict.pub")};
    const QString filters[4] = {
        tr("JSON (*.json);;All files (*)"), tr("Bundles (*.tar.gz *.tgz *.tar.zst);;All files (*)"),
        tr("Signatures (*.sig *.b64);;All files (*)"), tr("Public keys (*.pub *.pem);;All files (*)")};
    for (int i = 0; i < 4; ++i) {
        grid->addWidget(new QLabel(labels[i], this), i, 0);
        m_paths[i] = new QLineEdit(this);
        m_paths[i]->setObjectName(QLatin1String(names[i]));
        m_paths[i]->setAccessibleName(labels[i]);
        grid->addWidget(m_paths[i], i, 1);
        auto *browse = new QPushButton(tr("Browse…"), this);
        browse->setObjectName(QLatin1String(names[i]) + QStringLiteral("Browse"));
        connect(browse, &QPushButton::clicked, this, [this, i, title = labels[i], filter = filters[i]] {
            const QString path = QFileDialog::getOpenFileName(this, title, QString(), filter);
            if (!path.isEmpty())
                m_paths[i]->setText(path);
        });
        grid->addWidget(browse, i, 2);
    }
    l->addLayout(grid);
    auto *row = new QHBoxLayout;
    auto *folder = new QPushButton(tr("Pick a results/ folder…"), this);
    folder->setObjectName(QStringLiteral("pickResultsFolder"));
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("A results/ folder with score.json, the bundle, verdict.sig and verdict.pub"));
        if (!dir.isEmpty())
            useFolder(dir);
    });
    row->addWidget(folder);
    m_verify = new QPushButton(tr("Verify offline"), this);
    m_verify->setObjectName(QStringLiteral("verifyVerdictButton"));
    m_verify->setDefault(true);
    connect(m_verify, &QPushButton::clicked, this, &VerdictView::startVerify);
    row->addWidget(m_verify);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("verdictProgress"));
    m_progress->setVisible(false);
    row->addWidget(m_progress, 1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelVerdictButton"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_worker->cancel(StoreWorker::Job::Verdict); });
    row->addWidget(m_cancel);
    row->addStretch();
    l->addLayout(row);
    m_banner = new QLabel(tr("Pick the four files, then Verify offline"), this);
    m_banner->setObjectName(QStringLiteral("verdictBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    QFont big = m_banner->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_banner->setFont(big);
    l->addWidget(m_banner);
    m_checks = newChecksTree(this, QStringLiteral("verdictChecks"), tr("Verdict checks"));
    l->addWidget(m_checks, 1);
    m_key = new QLabel(this);
    m_key->setObjectName(QStringLiteral("verdictKey"));
    m_key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_key->setWordWrap(true);
    l->addWidget(m_key);
    m_network = new QLabel(this);
    m_network->setObjectName(QStringLiteral("verdictNetwork"));
    l->addWidget(m_network);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("verdictMessage"));
    m_message->setWordWrap(true);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_message);
}

VerdictView::~VerdictView() {
    delete m_worker; // cancels the running check and waits for it
}

void VerdictView::done(const VerdictOutcome &outcome) {
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_verify->setEnabled(true);
    if (!outcome.report) {
        message(outcome.error, true);
        Q_EMIT finished(false);
        return;
    }
    display(*outcome.report);
    if (outcome.recordedSeq)
        message(tr("Recorded as event %1 with the four files attached.").arg(*outcome.recordedSeq));
    else if (outcome.recordWanted)
        message(outcome.recordError, true);
    else
        message(tr("Not recorded: sign in to record verifications as evidence."));
    Q_EMIT finished(outcome.report->valid);
}

void VerdictView::setFiles(const VerdictFiles &files) {
    const QStringList all = files.all();
    for (int i = 0; i < 4; ++i)
        m_paths[i]->setText(all.at(i));
}

bool VerdictView::useFolder(const QString &folder) {
    auto found = VerdictFiles::inFolder(folder);
    if (!found.ok()) {
        message(found.error().toString(), true);
        return false;
    }
    setFiles(found.value());
    message(tr("Found the four files in %1.").arg(folder));
    return true;
}

bool VerdictView::isRunning() const {
    return m_worker->isBusy(StoreWorker::Job::Verdict);
}

void VerdictView::startVerify() {
    if (isRunning())
        return;
    const VerdictFiles files{m_paths[0]->text().trimmed(), m_paths[1]->text().trimmed(),
                             m_paths[2]->text().trimmed(), m_paths[3]->text().trimmed()};
    for (const QString &f : files.all())
        if (f.isEmpty()) {
            message(tr("Pick all four files first (or a results/ folder)."), true);
            return;
        }
    m_verify->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_checks->clear();
    m_banner->setText(tr("Verifying…"));
    m_banner->setStyleSheet(QString());
    message(QString());
    // Signed in, the result is recorded by the same worker on a connection of its own: reading
    // and storing a bundle of up to 256 MiB never holds up the window.
    std::shared_ptr<Signer> signer;
    QString storePath;
    StoreOpenOptions storeOptions; // the window's store's: its pinned admins and this user's anchors
    if (SqliteEvidenceStore *s = m_store(); s && m_session->isUnlocked()) {
        signer =
            std::make_shared<Signer>(Signer{m_session->signer()->name, m_session->signer()->key.duplicate()});
        storePath = s->path();
        storeOptions = s->options();
        storeOptions.readOnly = false;
        storeOptions.create = false;
        storeOptions.clock = Time::systemClock(); // as before: the worker's own clock, not the window's
    }
    m_worker->post<VerdictOutcome>(
        StoreWorker::Job::Verdict, this,
        [files, signer, storePath, storeOptions](JobContext &job) {
            VerdictOptions options;
            options.cancelled = [&job] { return job.cancelled(); };
            options.progress = [&job](qint64 done, qint64 total) { job.progress(done, total); };
            VerdictOutcome out;
            auto r = verifyVerdict(files, options);
            if (!r.ok()) {
                out.error = r.error().toString();
                return out;
            }
            out.report = r.value();
            if (!signer || job.cancelled())
                return out;
            out.recordWanted = true;
            auto store = SqliteEvidenceStore::open(storePath, storeOptions);
            if (!store.ok()) {
                out.recordError = store.error().toString();
                return out;
            }
            auto e = recordVerdict(*store.value(), *signer, files, *out.report);
            if (e.ok())
                out.recordedSeq = e->seq;
            else
                out.recordError = e.error().toString();
            return out;
        },
        [this](const VerdictOutcome &outcome) { done(outcome); }, permilleOf(m_progress));
}

void VerdictView::display(const VerdictReport &report) {
    m_report = report;
    m_banner->setText(report.valid ? tr("VERDICT VALID") : tr("VERDICT INVALID"));
    m_banner->setProperty("valid", report.valid);
    m_banner->setStyleSheet(QStringLiteral("color: white; background: %1; padding: 6px; border-radius: 4px;")
                                .arg(QLatin1String(report.valid ? kGreen : kRed)));
    m_checks->clear();
    for (const VerdictCheck &c : report.checks)
        addCheckRow(m_checks, c.name, c.ok, c.detail);
    m_key->setText(tr("Key: %1 %2")
                       .arg(report.keyAlgorithm.isEmpty() ? tr("(unreadable)") : report.keyAlgorithm,
                            report.keyFingerprint));
    m_network->setText(tr("No network was used: every check ran on the four local files; the bundle was read "
                          "in memory, never extracted."));
}

QTreeWidget *VerdictView::newChecksTree(QWidget *parent, const QString &objectName,
                                        const QString &accessibleName) {
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setHeaderLabels({tr("Check"), tr("Result"), tr("Detail")});
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    return tree;
}

void VerdictView::addCheckRow(QTreeWidget *tree, const QString &name, bool ok, const QString &detail) {
    auto *item = new QTreeWidgetItem(tree, {name, ok ? tr("✔ ok") : tr("✘ failed"), detail});
    item->setForeground(1, colours::onBase(ok ? kGreen : kRed, tree->palette()));
    item->setToolTip(2, detail);
    item->setData(0, Qt::UserRole, ok);
}

void VerdictView::message(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(colours::onBase(kRed, palette()).name())
                                   : QString());
}

VerdictDialog::VerdictDialog(Session *session, VerdictView::StoreProvider store, QWidget *parent)
    : QDialog(parent)
    , m_view(new VerdictView(session, std::move(store), this)) {
    setObjectName(QStringLiteral("verdictDialog"));
    setWindowTitle(tr("Verify a verdict offline"));
    setAccessibleName(windowTitle());
    setModal(false);
    auto *l = new QVBoxLayout(this);
    l->addWidget(m_view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("verdictDialogButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    l->addWidget(buttons);
    resize(820, 560);
}

} // namespace ops::ui
