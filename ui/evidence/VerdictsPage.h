#pragma once

#include "common/LinesModel.h"

#include <QWidget>

#include <functional>

class QListView;
class QTreeWidget;

namespace ops {
class Session;
class SqliteEvidenceStore;
} // namespace ops

namespace ops::ui {

class VerdictDialog;
class VerdictView;

// The Evidence panel's Verdicts tab: the verdicts verified so far (newest first) with the checks
// of the selected one as they were recorded, and the button that opens the offline verification
// dialog.
class VerdictsPage final : public QWidget {
    Q_OBJECT
public:
    using StoreProvider = std::function<SqliteEvidenceStore *()>;
    VerdictsPage(Session *session, StoreProvider store, QWidget *parent = nullptr);

    void refresh();
    // The verification dialog (made on first use), shown and raised.
    VerdictDialog *openDialog();
    VerdictView *view();

Q_SIGNALS:
    void eventActivated(quint64 seq);
    void signInRequested();
    // A verification was run (and recorded when someone is signed in).
    void verified();

private:
    void showRecordedChecks(quint64 seq);

    Session *m_session;
    StoreProvider m_store;
    LinesModel *m_lines;
    QListView *m_history = nullptr;
    QTreeWidget *m_recorded = nullptr;
    VerdictDialog *m_dialog = nullptr;
};

} // namespace ops::ui
