#include "EnvironmentBadge.h"

namespace ops::ui {

QColor EnvironmentBadge::colour(Environment env) {
    switch (env) {
    case Environment::Dev:
        return QColor(0x15, 0x65, 0xc0); // blue
    case Environment::Staging:
        return QColor(0xb2, 0x6a, 0x00); // amber
    case Environment::Prod:
        return QColor(0xb7, 0x1c, 0x1c); // red
    }
    return QColor(Qt::gray);
}

EnvironmentBadge::EnvironmentBadge(Environment env, QWidget *parent)
    : QLabel(parent)
    , m_env(env) {
    setObjectName(QStringLiteral("environmentBadge"));
    const QString name = environmentName(env).toUpper();
    setText(name);
    setAccessibleName(tr("Environment: %1").arg(name));
    setToolTip(env == Environment::Dev
                   ? tr("Development environment: demo data and dev-only switches are allowed")
                   : tr("%1 environment: secrets are required and dev-only switches are refused").arg(name));
    setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: 2px 10px;"
                       " border-radius: 4px; }")
            .arg(colour(env).name()));
}

} // namespace ops::ui
