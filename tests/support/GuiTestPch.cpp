// Hosts the precompiled header that the GUI tests reuse (see tests/CMakeLists.txt); no code.
namespace ops::test {
int guiTestPchAnchor() {
    return 0;
}
} // namespace ops::test
