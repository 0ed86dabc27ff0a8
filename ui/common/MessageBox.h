#pragma once

// The questions and notices the window puts to a person, through one seam: a test sets the next
// answers, as the person would click them, instead of racing a timer against the dialog's event
// loop. Without an answer set, the dialog is shown as usual.

#include <QMessageBox>
#include <QString>

namespace ops::ui {

class MessageBox {
public:
    static QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::Cancel,
             QMessageBox::StandardButton defaultButton = QMessageBox::Cancel);
    static void information(QWidget *parent, const QString &title, const QString &text);
    static void about(QWidget *parent, const QString &title, const QString &text);

    // The next message is answered with `answer` without being shown (queued: one per message),
    // its text kept for asked().
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The texts of the messages answered through setNextAnswer, oldest first.
    static QStringList asked();
    // Forgets the answers not used yet and the texts asked.
    static void reset();
    // Answers set but not used yet.
    static int pendingAnswers();

private:
    // The next answer set by a test, if any; records the text.
    static bool takeAnswer(const QString &text, QMessageBox::StandardButton *answer);
};

} // namespace ops::ui
