# One INTERFACE target carrying the strict flags and Qt defines; every target links it.
add_library(opsconsole_common INTERFACE)
target_compile_features(opsconsole_common INTERFACE cxx_std_20)
target_compile_definitions(opsconsole_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
)
target_compile_options(opsconsole_common INTERFACE
    -Wall -Wextra -Wold-style-cast -Wpedantic -Wnon-virtual-dtor
    -Wcast-qual -Wformat=2 -Wimplicit-fallthrough -Woverloaded-virtual -Wcast-align
)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports false positives inside std::variant at -O2 (GCC bug 105562 and friends).
    target_compile_options(opsconsole_common INTERFACE -Wshadow=local -Wno-maybe-uninitialized)
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(opsconsole_common INTERFACE -Wshadow-uncaptured-local -Wshadow)
endif()
if(OPSCONSOLE_WERROR)
    target_compile_options(opsconsole_common INTERFACE -Werror)
endif()
if(OPSCONSOLE_SANITIZE)
    target_compile_options(opsconsole_common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(opsconsole_common INTERFACE -fsanitize=address,undefined)
    # The sanitized executables are linked without PIE: a PIE of this size spends half of every
    # start applying millions of relative relocations (0.50 s against 0.25 s for `--version`),
    # and the tests start the CLI thousands of times. Release builds stay PIE.
    target_link_options(opsconsole_common INTERFACE
        $<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-no-pie>)
endif()
# lld links the sanitized test binaries about three times faster than the default linker.
include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=lld OPSCONSOLE_HAVE_LLD)
if(OPSCONSOLE_HAVE_LLD)
    target_link_options(opsconsole_common INTERFACE -fuse-ld=lld)
endif()

# Precompiled headers: the Qt and standard headers that most files include are parsed once per
# target instead of once per file (the sanitized debug build spends about a third of its time in
# them). Every file still includes what it uses; a build with -DOPSCONSOLE_PCH=OFF shows a miss.
set(OPSCONSOLE_PCH_CORE
    <algorithm> <functional> <memory> <optional> <string> <utility> <vector>
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray>
    <QJsonDocument> <QJsonObject> <QJsonValue> <QList> <QMap> <QObject> <QRegularExpression> <QSet>
    <QString> <QStringList> <QTimer> <QUrl> <QVariant>)
set(OPSCONSOLE_PCH_WIDGETS
    <QAbstractTableModel> <QCheckBox> <QComboBox> <QDialog> <QFormLayout> <QGroupBox> <QHBoxLayout>
    <QHeaderView> <QLabel> <QLineEdit> <QListView> <QPainter> <QPalette> <QPlainTextEdit>
    <QProgressBar> <QPushButton> <QSplitter> <QTableView> <QVBoxLayout> <QWidget>)
set(OPSCONSOLE_PCH_TEST <QProcess> <QSignalSpy> <QTemporaryDir> <QTest>)

# opsconsole_precompile(TARGET HEADERS...) or opsconsole_precompile(TARGET REUSE_FROM OTHER)
function(opsconsole_precompile target)
    if(NOT OPSCONSOLE_PCH)
        return()
    endif()
    cmake_parse_arguments(arg "" "REUSE_FROM" "" ${ARGN})
    if(arg_REUSE_FROM)
        target_precompile_headers(${target} REUSE_FROM ${arg_REUSE_FROM})
    else()
        target_precompile_headers(${target} PRIVATE ${arg_UNPARSED_ARGUMENTS})
    endif()
endfunction()
