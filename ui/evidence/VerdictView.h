#pragma once

#include "proofs/Verdict.h"

#include <QDialog>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ops {
class Session;
class SqliteEvidenceStore;
class StoreWorker;
} // namespace ops

namespace ops::ui {

struct VerdictOutcome;

// Offline verdict verification (docs/domain-rules.md, "Proof summaries and verdicts"): pick score.json, the
// evidence bundle, verdict.sig and verdict.pub (or a results/ folder holding them); every check reported on
// its own line, the key's fingerprint, and the statement that no network was used. Runs off the GUI thread
// with progress and cancel; recorded with the four files attached when someone is signed in.
class VerdictView final : public QWidget {
    Q_OBJECT
public:
    using StoreProvider = std::function<SqliteEvidenceStore *()>;
    VerdictView(Session *session, StoreProvider store, QWidget *parent = nullptr);
    ~VerdictView() override;

    void setFiles(const VerdictFiles &files);
    bool useFolder(const QString &folder);
    void startVerify();
    bool isRunning() const;
    const VerdictReport *report() const { return m_report ? &*m_report : nullptr; }

    // A list of named checks (Check / Result / Detail), as a report and its record show them.
    static QTreeWidget *newChecksTree(QWidget *parent, const QString &objectName,
                                      const QString &accessibleName);
    static void addCheckRow(QTreeWidget *tree, const QString &name, bool ok, const QString &detail);

Q_SIGNALS:
    void finished(bool valid);
    void signInRequested();

private:
    void done(const VerdictOutcome &outcome);
    void display(const VerdictReport &report);
    void message(const QString &text, bool error = false);

    Session *m_session;
    StoreProvider m_store;
    QLineEdit *m_paths[4];
    QPushButton *m_verify;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_banner;
    QTreeWidget *m_checks;
    QLabel *m_key;
    QLabel *m_network;
    QLabel *m_message;
    std::optional<VerdictReport> m_report;
    StoreWorker *m_worker; // the check and its record, off the GUI thread
};

// The verification as a dialog of its own, reachable from anywhere (File ▸ Verify a verdict
// offline…, Ctrl+Shift+V) and from the Evidence panel's Verdicts tab. Not modal: the check keeps
// running while the operator looks elsewhere; closing hides it and keeps the last report.
class VerdictDialog final : public QDialog {
    Q_OBJECT
public:
    VerdictDialog(Session *session, VerdictView::StoreProvider store, QWidget *parent = nullptr);
    VerdictView *view() const { return m_view; }

private:
    VerdictView *m_view;
};

} // namespace ops::ui
