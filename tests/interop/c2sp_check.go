// c2sp_check verifies opsconsole's signed notes, tlog-proofs and consistency proofs with Go's
// golang.org/x/mod/sumdb/note and tlog packages: an implementation written elsewhere.
//
//	c2sp_check note VKEY NOTE
//	c2sp_check inclusion VKEY PROOF.tlog-proof LEAF
//	c2sp_check consistency VKEY OLD_NOTE NEW_NOTE PROOF
//
// Exit 0 when the check holds, 1 (with the reason on stderr) when it does not, 2 on misuse.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "c2sp_check: "+format+"\n", args...)
	os.Exit(1)
}

func read(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "c2sp_check:", err)
		os.Exit(2)
	}
	return data
}

// openCheckpoint verifies a checkpoint note with the verifier key and returns its size and root.
func openCheckpoint(vkey string, text []byte) (int64, tlog.Hash) {
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		fmt.Fprintln(os.Stderr, "c2sp_check: bad verifier key:", err)
		os.Exit(2)
	}
	n, err := note.Open(text, note.VerifierList(verifier))
	if err != nil {
		fail("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[len(lines)-1] != "" {
		fail("checkpoint body has fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		fail("bad tree size %q", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		fail("bad root hash: %v", err)
	}
	return size, root
}

func parseHashes(lines []string) []tlog.Hash {
	var out []tlog.Hash
	for _, l := range lines {
		h, err := tlog.ParseHash(l)
		if err != nil {
			fail("bad proof hash %q: %v", l, err)
		}
		out = append(out, h)
	}
	return out
}

// parseTlogProof reads c2sp.org/tlog-proof@v1: header, optional extra, index, hashes, "", note.
func parseTlogProof(data []byte) (int64, []tlog.Hash, []byte, error) {
	rest := data
	next := func() (string, bool) {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return "", false
		}
		line := string(rest[:i])
		rest = rest[i+1:]
		return line, true
	}
	line, ok := next()
	if !ok || line != "c2sp.org/tlog-proof@v1" {
		return 0, nil, nil, errors.New("missing c2sp.org/tlog-proof@v1 header")
	}
	line, ok = next()
	if ok && strings.HasPrefix(line, "extra ") {
		if _, err := base64.StdEncoding.DecodeString(line[6:]); err != nil {
			return 0, nil, nil, errors.New("bad extra line")
		}
		line, ok = next()
	}
	if !ok || !strings.HasPrefix(line, "index ") {
		return 0, nil, nil, errors.New("missing index line")
	}
	index, err := strconv.ParseInt(line[6:], 10, 64)
	if err != nil || index < 0 || strconv.FormatInt(index, 10) != line[6:] {
		return 0, nil, nil, errors.New("bad index")
	}
	var hashLines []string
	for {
		line, ok = next()
		if !ok {
			return 0, nil, nil, errors.New("proof ends before the checkpoint")
		}
		if line == "" {
			break
		}
		hashLines = append(hashLines, line)
	}
	return index, parseHashes(hashLines), rest, nil
}

func main() {
	if len(os.Args) < 2 {
		os.Exit(2)
	}
	switch os.Args[1] {
	case "note":
		if len(os.Args) != 4 {
			os.Exit(2)
		}
		size, root := openCheckpoint(os.Args[2], read(os.Args[3]))
		fmt.Printf("ok: tree size %d, root %s\n", size, root)
	case "inclusion":
		if len(os.Args) != 5 {
			os.Exit(2)
		}
		index, proof, checkpoint, err := parseTlogProof(read(os.Args[3]))
		if err != nil {
			fail("%v", err)
		}
		size, root := openCheckpoint(os.Args[2], checkpoint)
		leaf := tlog.RecordHash(read(os.Args[4]))
		if err := tlog.CheckRecord(tlog.RecordProof(proof), size, root, index, leaf); err != nil {
			fail("tlog.CheckRecord: %v", err)
		}
		fmt.Printf("ok: record %d is in the tree of %d\n", index, size)
	case "consistency":
		if len(os.Args) != 6 {
			os.Exit(2)
		}
		oldSize, oldRoot := openCheckpoint(os.Args[2], read(os.Args[3]))
		newSize, newRoot := openCheckpoint(os.Args[2], read(os.Args[4]))
		var lines []string
		sc := bufio.NewScanner(bytes.NewReader(read(os.Args[5])))
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		if err := tlog.CheckTree(tlog.TreeProof(parseHashes(lines)), newSize, newRoot, oldSize, oldRoot); err != nil {
			fail("tlog.CheckTree: %v", err)
		}
		fmt.Printf("ok: the tree of %d extends the tree of %d\n", newSize, oldSize)
	default:
		os.Exit(2)
	}
}
