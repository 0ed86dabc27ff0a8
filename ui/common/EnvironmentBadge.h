#pragma once

#include "core/Environment.h"

#include <QLabel>

namespace ops::ui {

// DEV / STAGING / PROD in distinct colours, with the name in text too (never colour alone).
class EnvironmentBadge final : public QLabel {
    Q_OBJECT
public:
    explicit EnvironmentBadge(Environment env, QWidget *parent = nullptr);
    Environment environment() const { return m_env; }
    static QColor colour(Environment env);

private:
    Environment m_env;
};

} // namespace ops::ui
