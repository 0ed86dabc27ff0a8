// DerivationsPanel's acts: import, supersede, review, sign, risk note, invalidate, hand-off export,
// each through DerivationActions, and what the panel says about them.
#include "DerivationsPanel.h"
#include "HandoffView.h"

#include "common/Colours.h"
#include "common/ErrorText.h"
#include "derivations/DerivationActions.h"
#include "derivations/Handoff.h"
#include "store/Session.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>

namespace ops::ui {

using colours::kGreen;
using colours::kRed;

std::unique_ptr<DerivationActions> DerivationsPanel::actions() {
    if (!m_session || !m_session->isUnlocked()) {
        Q_EMIT signInRequested();
        if (!m_session || !m_session->isUnlocked()) {
            report(tr("Sign in first: every review, signature and note is signed evidence."), true);
            return nullptr;
        }
    }
    EvidenceStore *store = m_store ? m_store() : nullptr;
    if (!store) {
        report(tr("No evidence store."), true);
        return nullptr;
    }
    return std::make_unique<DerivationActions>(*store, *m_session->signer());
}

void DerivationsPanel::report(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(
        error ? QStringLiteral("color: %1; font-weight: bold;").arg(colours::onBase(kRed, palette()).name())
              : QStringLiteral("color: %1;").arg(colours::onBase(kGreen, palette()).name()));
    m_message->setAccessibleName(text);
}

bool DerivationsPanel::handleOutcome(const Error *error, const QString &done) {
    if (error) {
        const Error &e = *error;
        QStringList lines;
        for (const Diagnostic &d : e.diagnostics.mid(0, 6))
            lines << d.toString();
        if (e.diagnostics.size() > 6)
            lines << tr("… and %1 more").arg(e.diagnostics.size() - 6);
        report(lines.isEmpty()
                   ? errorText(e)
                   : tr("Nothing was written:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')),
               true);
        refresh();
        return false;
    }
    report(done);
    refresh();
    return true;
}

bool DerivationsPanel::importFiles(const QStringList &paths) {
    auto a = actions();
    if (!a)
        return false;
    auto r = a->importFiles(paths);
    const bool ok = handle(r, r.ok() ? tr("Imported %1 record(s) from %2 file(s), signed by %3")
                                           .arg(r->size())
                                           .arg(paths.size())
                                           .arg(m_session->identity())
                                     : QString());
    if (ok && !r->isEmpty())
        selectRecord(DerivationActions::recordIdOf(r->first()));
    return ok;
}

bool DerivationsPanel::supersedeWith(const QString &path) {
    const QString id = currentRecord();
    auto a = actions();
    if (!a || id.isEmpty())
        return false;
    auto r = a->supersede(id, path, m_reason->text());
    const bool ok =
        handle(r, r.ok() ? tr("%1 superseded; %2 event(s) recorded").arg(id).arg(r->size()) : QString());
    if (ok) {
        m_reason->clear();
        selectRecord(DerivationActions::recordIdOf(r->first()));
    }
    return ok;
}

void DerivationsPanel::review(bool accept) {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->review(id, accept, m_reason->text()),
                   accept ? tr("%1 accepted").arg(id) : tr("%1 rejected").arg(id))) {
            m_reason->clear();
            selectRecord(id);
        }
}

void DerivationsPanel::sign() {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->sign(id), tr("%1 signed by %2").arg(id, m_session->identity())))
            selectRecord(id);
}

void DerivationsPanel::riskNote() {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->riskNote(id, m_reason->text()), tr("Risk-owner note on %1").arg(id))) {
            m_reason->clear();
            selectRecord(id);
        }
}

void DerivationsPanel::invalidate() {
    const QString id = currentRecord();
    if (auto a = actions(); a && !id.isEmpty())
        if (handle(a->invalidate(id, m_reason->text()), tr("%1 invalidated").arg(id))) {
            m_reason->clear();
            selectRecord(id);
        }
}

bool DerivationsPanel::exportHandoffTo(const QString &path) {
    auto a = actions();
    if (!a)
        return false;
    EvidenceStore *store = m_store();
    Handoff::ExportOptions options;
    options.draft = m_handoff->draft();
    options.locker = m_handoff->locker();
    auto r = Handoff::exportPackage(*store, *a, path, options);
    return handle(r, r.ok() ? tr("Exported %1 (%2 records, %3 signatures%4), SHA-256 %5")
                                  .arg(QFileInfo(path).fileName())
                                  .arg(r->records)
                                  .arg(r->signatures)
                                  .arg(r->complete ? QString() : tr(", DRAFT"))
                                  .arg(r->sha256)
                            : QString());
}

} // namespace ops::ui
