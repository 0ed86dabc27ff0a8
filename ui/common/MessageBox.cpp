#include "MessageBox.h"

#include <QList>
#include <QStringList>

namespace ops::ui {

namespace {

// Only the GUI thread asks; no lock.
QList<QMessageBox::StandardButton> &answers() {
    static QList<QMessageBox::StandardButton> queue;
    return queue;
}

QStringList &askedTexts() {
    static QStringList texts;
    return texts;
}

} // namespace

bool MessageBox::takeAnswer(const QString &text, QMessageBox::StandardButton *answer) {
    if (answers().isEmpty())
        return false;
    *answer = answers().takeFirst();
    askedTexts() << text;
    return true;
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton) {
    QMessageBox::StandardButton answer = QMessageBox::NoButton;
    if (takeAnswer(text, &answer))
        return buttons.testFlag(answer) ? answer : defaultButton;
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text) {
    QMessageBox::StandardButton answer = QMessageBox::NoButton;
    if (takeAnswer(text, &answer))
        return;
    QMessageBox::information(parent, title, text);
}

void MessageBox::about(QWidget *parent, const QString &title, const QString &text) {
    QMessageBox::StandardButton answer = QMessageBox::NoButton;
    if (takeAnswer(text, &answer))
        return;
    QMessageBox::about(parent, title, text);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer) {
    answers() << answer;
}

QStringList MessageBox::asked() {
    return askedTexts();
}

void MessageBox::reset() {
    askedTexts().clear();
    answers().clear();
}

int MessageBox::pendingAnswers() {
    return static_cast<int>(answers().size());
}

} // namespace ops::ui
