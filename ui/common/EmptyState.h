#pragma once

#include <QWidget>

class QLabel;

namespace ops::ui {

// An honest placeholder: says what this area will hold and what it needs first.
// It never shows invented data.
class EmptyState final : public QWidget {
    Q_OBJECT
public:
    EmptyState(const QString &title, const QString &body, const QStringList &coming,
               QWidget *parent = nullptr);

    QString titleText() const;
    QString bodyText() const;

private:
    QLabel *m_title;
    QLabel *m_body;
};

} // namespace ops::ui
