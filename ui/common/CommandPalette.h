#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QListWidget;

namespace ops::ui {

// Ctrl+K: type to filter every action of the window, Enter runs it.
class CommandPalette final : public QDialog {
    Q_OBJECT
public:
    CommandPalette(QList<QAction *> actions, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter(const QString &text);
    void runCurrent();

    QList<QAction *> m_actions;
    QLineEdit *m_filter;
    QListWidget *m_list;
};

} // namespace ops::ui
