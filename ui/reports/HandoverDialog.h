#pragma once

#include "core/Time.h"
#include "reports/Handover.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

// Shift handover (File ▸ Shift handover…): the brief of what is open, previewed as it will be
// signed; "Sign and hand over" records it (handover.given), "Save as PDF…" keeps a copy, and the
// incoming operator acknowledges the handover waiting for them (handover.acknowledged).
class HandoverDialog final : public QDialog {
    Q_OBJECT
public:
    explicit HandoverDialog(AppContext *app, Time::Clock clock = Time::systemClock(),
                            QWidget *parent = nullptr);

    void refresh();
    bool sign();
    bool acknowledge();
    bool savePdf(const QString &path);
    const HandoverBrief *brief() const { return m_brief ? &*m_brief : nullptr; }

Q_SIGNALS:
    void signInRequested();

private:
    bool signedIn();
    void report(const QString &text, bool error = false);

    AppContext *m_app;
    Time::Clock m_clock;
    QLineEdit *m_to;
    QTextBrowser *m_preview;
    QPushButton *m_sign;
    QPushButton *m_ack;
    QPushButton *m_pdf;
    QLabel *m_status;
    std::optional<HandoverBrief> m_brief;
    quint64 m_givenSeq = 0;
};

} // namespace ops::ui
