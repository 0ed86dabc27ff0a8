#pragma once

#include "common/Panel.h"

#include "derivations/Derivations.h"

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace ops {
class DerivationActions;
class Session;
class EvidenceStore;
} // namespace ops

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class HandoffView;
class RecordView;

// Derivations: the reviewer's desk (docs/domain-rules.md). The review queue with filters; the record with
// every validation rule green or red, its history and the diff against the record it supersedes; Accept,
// Reject and Sign enabled only for a permitted identity (the reason shown when not); typed
// INFEASIBLE records as first-class, successful outcomes; and the handoff builder with the §12
// checklist and its signed export. YAML files are imported by drag-and-drop or a file dialog.
class DerivationsPanel final : public Panel {
    Q_OBJECT
public:
    using StoreProvider = std::function<EvidenceStore *()>;
    explicit DerivationsPanel(AppContext *app, QWidget *parent = nullptr);
    ~DerivationsPanel() override;
    QString title() const override;
    QIcon icon() const override;

    void refresh() override;
    const DerivationBook &book() const { return m_book; }
    void selectRecord(const QString &id);
    QString currentRecord() const;
    // What the buttons do behind their file dialogs.
    bool importFiles(const QStringList &paths);
    bool supersedeWith(const QString &path);
    bool exportHandoffTo(const QString &path);

Q_SIGNALS:
    void signInRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    QWidget *buildQueue();
    QWidget *buildRecordView();
    void fillQueue();
    void showRecord();
    void updateActions();
    void review(bool accept);
    void sign();
    void riskNote();
    void invalidate();
    std::unique_ptr<DerivationActions> actions();
    // Shows what an act did (`done`) or why nothing was written, and refreshes; true when it wrote.
    template<typename T> bool handle(const Result<T> &result, const QString &done) {
        return handleOutcome(result.ok() ? nullptr : &result.error(), done);
    }
    bool handleOutcome(const Error *error, const QString &done);
    void report(const QString &text, bool error = false);
    const RecordState *current() const;

    Session *m_session;
    StoreProvider m_store;
    DerivationBook m_book;

    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_tierFilter = nullptr;
    QComboBox *m_lockFilter = nullptr;
    QComboBox *m_authorFilter = nullptr;
    QTableView *m_queue = nullptr;
    class DerivationQueueModel *m_queueModel = nullptr;
    class DerivationQueueFilter *m_queueFilter = nullptr;
    QLabel *m_queueSummary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_split = nullptr;
    bool m_sized = false;

    RecordView *m_recordView = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_note = nullptr;
    QPushButton *m_supersede = nullptr;
    QPushButton *m_invalidate = nullptr;
    QLabel *m_why = nullptr;

    HandoffView *m_handoff = nullptr;

    QLabel *m_message = nullptr;
};

} // namespace ops::ui
