#include "HandoverDialog.h"

#include "common/ErrorText.h"

#include "ReportPdf.h"
#include "core/FileUtil.h"
#include "launch/Launch.h"
#include "runbooks/Runbook.h"
#include "runtime/AppContext.h"
#include "store/Session.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ops::ui {

HandoverDialog::HandoverDialog(AppContext *app, Time::Clock clock, QWidget *parent)
    : QDialog(parent)
    , m_app(app)
    , m_clock(std::move(clock)) {
    setObjectName(QStringLiteral("handoverDialog"));
    setWindowTitle(tr("Shift handover"));
    resize(760, 640);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("handoverTo"));
    m_to->setPlaceholderText(tr("whoever takes the shift"));
    connect(m_to, &QLineEdit::editingFinished, this, &HandoverDialog::refresh);
    form->addRow(tr("Hand over to"), m_to);
    layout->addLayout(form);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("handoverPreview"));
    m_preview->setAccessibleName(tr("The brief as it will be signed"));
    layout->addWidget(m_preview, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("handoverStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *row = new QHBoxLayout;
    m_sign = new QPushButton(tr("Sign and hand over"), this);
    m_sign->setObjectName(QStringLiteral("handoverSign"));
    m_sign->setDefault(true);
    connect(m_sign, &QPushButton::clicked, this, [this] { sign(); });
    m_pdf = new QPushButton(tr("Save as PDF…"), this);
    m_pdf->setObjectName(QStringLiteral("handoverSavePdf"));
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the handover"),
                                                          QStringLiteral("handover.pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            savePdf(path);
    });
    m_ack = new QPushButton(tr("Acknowledge the handover to me"), this);
    m_ack->setObjectName(QStringLiteral("handoverAck"));
    connect(m_ack, &QPushButton::clicked, this, [this] { acknowledge(); });
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    row->addWidget(m_sign);
    row->addWidget(m_pdf);
    row->addStretch();
    row->addWidget(m_ack);
    row->addWidget(close);
    layout->addLayout(row);
    refresh();
}

void HandoverDialog::refresh() {
    EvidenceStore *store = m_app->store();
    if (!store) {
        report(tr("No evidence store."), true);
        return;
    }
    const qint64 now = m_clock();
    const RunbookLibrary library = RunbookLibrary::forDirectory(m_app->config().runbooksDir);
    std::optional<LaunchStatus> launch;
    if (auto in = LaunchInputs::read(*store, m_app->config(), m_app->environment(), library, now);
        in.ok() && currentLaunchRun(in->book))
        launch = computeLaunchStatus(in.value());
    const Session *session = m_app->session();
    const QString from =
        session && session->isUnlocked() ? session->identity() : tr("(sign in to hand over)");
    auto brief =
        Handovers::build(*store, launch, m_app->config().maintenance, from, m_to->text().trimmed(), now);
    if (!brief.ok()) {
        report(errorText(brief.error()), true);
        return;
    }
    m_brief = brief.value();
    m_givenSeq = 0;
    m_preview->setHtml(m_brief->html());
}

bool HandoverDialog::signedIn() {
    Session *session = m_app->session();
    if (!session || !session->isUnlocked())
        Q_EMIT signInRequested();
    if (!session || !session->isUnlocked()) {
        report(tr("Sign in first: a handover is signed by who gives it and who takes it."), true);
        return false;
    }
    return true;
}

bool HandoverDialog::sign() {
    if (!signedIn())
        return false;
    refresh(); // the brief as of now, under the signed-in name
    EvidenceStore *store = m_app->store();
    if (!store || !m_brief)
        return false;
    auto e = Handovers::give(*store, *m_app->session()->signer(), *m_brief);
    if (!e.ok()) {
        report(errorText(e.error()), true);
        return false;
    }
    m_givenSeq = e->seq;
    report(
        tr("Handed over (%1 items), signed by %2 as event %3; the incoming operator acknowledges it here or "
           "with `handover ack %3`.")
            .arg(m_brief->items.size())
            .arg(m_app->session()->identity())
            .arg(e->seq));
    return true;
}

bool HandoverDialog::acknowledge() {
    if (!signedIn())
        return false;
    EvidenceStore *store = m_app->store();
    if (!store)
        return false;
    auto e = Handovers::acknowledge(*store, *m_app->session()->signer(), 0, m_clock());
    if (!e.ok()) {
        report(errorText(e.error()), true);
        return false;
    }
    const Handovers::Acknowledgement ack = Handovers::acknowledgementOf(e.value());
    report(tr("Acknowledged the handover of %1 (event %2), recorded as event %3.")
               .arg(ack.from)
               .arg(ack.handover)
               .arg(e->seq));
    return true;
}

bool HandoverDialog::savePdf(const QString &path) {
    if (!m_brief)
        return false;
    auto pdf = renderPdf(m_brief->title(), m_brief->html(), false);
    if (!pdf.ok()) {
        report(errorText(pdf.error()), true);
        return false;
    }
    if (auto w = FileUtil::writePrivateAtomic(path, pdf.value()); !w.ok()) {
        report(errorText(w.error()), true);
        return false;
    }
    report(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void HandoverDialog::report(const QString &text, bool error) {
    m_status->setText(text);
    m_status->setProperty("error", error);
}

} // namespace ops::ui
