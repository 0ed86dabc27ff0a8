// The Launch panel's acts: start, run a check, checksums, archive, sign-offs, the decision.
#include "LaunchPanel.h"

#include "common/ErrorText.h"
#include "common/MessageBox.h"

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
    if (id == QLatin1String("build-checksums")) {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Release build files to checksum"));
        if (!files.isEmpty())
            checksumFiles(files);
        return;
    }
    if (id == QLatin1String("archive")) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Archive the evidence as a signed bundle"),
                                                          QStringLiteral("launch-evidence.tar.zst"),
                                                          tr("Evidence bundles (*.tar.zst)"));
        if (!path.isEmpty())
            archiveTo(path);
        return;
    }
    auto a = actions();
    if (!a)
        return;
    const QString run = m_status.run->id;
    if (id == QLatin1String("config-snapshot")) {
        handle(a->recordSnapshot(run), tr("Config snapshot verified"));
        return;
    }
    auto plan = c->step.needs(EvidenceKind::Probe) ? a->probePlan(run, id)
                                                   : Result<LaunchProbePlan>(LaunchProbePlan{});
    if (!plan.ok()) {
        report(errorText(plan.error()), true);
        return;
    }
    if (!c->step.needs(EvidenceKind::Probe) || plan->manual) {
        if (MessageBox::question(
                this, tr("Confirm %1").arg(id),
                tr("%1\n\nConfirm that this holds, with the note as its evidence?").arg(c->step.action),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        handle(a->recordManual(run, id, m_note->text(), {}, true), tr("%1 confirmed").arg(id));
        return;
    }
    if (plan->needsNote && m_note->text().trimmed().isEmpty()) {
        report(
            tr("%1 needs a note on what was observed (the publish job and the version it published)").arg(id),
            true);
        m_note->setFocus();
        return;
    }
    report(tr("Probing for %1…").arg(id));
    m_probe = new LaunchProbe(plan.value(), m_app->secrets().operatorToken, this);
    m_run->setEnabled(false);
    const QString note = m_note->text();
    connect(m_probe, &LaunchProbe::finished, this, [this, run, id, note](const QList<ProbeResult> &results) {
        m_probe->deleteLater();
        m_probe = nullptr;
        if (auto act = actions(); act && handle(act->recordProbes(run, id, results, note),
                                                tr("%1 probed: %2").arg(id, probeSummary(results))))
            m_note->clear();
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

bool LaunchPanel::runInBackground(const QString &busy, const QString &done, qint64 total, Work work) {
    if (m_working) {
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
    const QString storePath = m_store()->path();
    auto signer =
        std::make_shared<Signer>(Signer{m_session->signer()->name, m_session->signer()->key.duplicate()});
    struct Outcome {
        Result<StoredEvent> result;
        bool cancelled = false;
    };
    // The worker appends on a connection of its own (appends are transactions on the file, so
    // the window's connection sees the event at its next read), signing with a copy of the key.
    const bool posted = m_worker->post<Outcome>(
        StoreWorker::Job::BackgroundAct, this,
        [storePath, signer, total, config = m_config, environment = m_environment, library = m_library,
         clock = m_clock, work = std::move(work)](JobContext &job) -> Outcome {
            StoreOpenOptions options = deploymentStoreOptions(config);
            options.clock = clock; // the act and its seal read one clock
            auto store = openEvidenceStore(storePath, options, config.storeAppRole);
            if (!store.ok())
                return {store.error(), false};
            LaunchActions actions(*store.value(), *signer, config, environment, library, clock);
            Result<StoredEvent> r =
                work(actions, [&job, total](qint64 doneBytes) { return job.progress(doneBytes, total); });
            return {std::move(r), job.cancelled()};
        },
        [this, done](const Outcome &outcome) {
            m_working = false;
            m_workProgress->setVisible(false);
            m_cancelButton->setVisible(false);
            const bool ok = handle(outcome.result, done);
            if (!ok && outcome.cancelled)
                report(tr("Cancelled: nothing was recorded."), true);
            Q_EMIT backgroundFinished(ok);
        },
        permilleOf(m_workProgress));
    if (!posted) {
        report(tr("Still busy with the last check."), true);
        return false;
    }
    m_working = true;
    m_run->setEnabled(false);
    m_workProgress->setRange(0, total > 0 ? 1000 : 0);
    m_workProgress->setValue(0);
    m_workProgress->setVisible(true);
    m_cancelButton->setVisible(total > 0);
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
