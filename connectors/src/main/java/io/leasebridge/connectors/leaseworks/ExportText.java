package io.leasebridge.connectors.leaseworks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The characters of an export's bytes, decoded strictly. Bytes that are not text in the encoding fail the read with
 * the physical line they sit on, counted from the line breaks before them (CR, LF or CRLF, the way an editor counts,
 * inside a quoted value too), not the line of the row being parsed: the text is decoded ahead of the parser. A
 * character cut in two by the end of the file is a transfer cut short, not another encoding, and fails the read with
 * {@link CutCharacterException}. Either failure comes only once the characters decoded before it have been read, so
 * a CSV parser meets the cut only when it asks for more than the last character: while it reads the last row.
 */
final class ExportText extends Reader {

    private static final int BUFFER_SIZE = 8 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).flip();
    private long lineBreaks;
    private boolean afterCarriageReturn;
    private boolean endOfBytes;
    private IOException failure;

    ExportText(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes the next characters into the buffer; false at the end of the text. */
    private boolean decodeMore() throws IOException {
        chars.clear();
        while (chars.position() == 0 && failure == null && !endOfBytes) {
            CoderResult result = decoder.decode(bytes, chars, false);
            countLineBreaks();
            if (result.isError()) {
                failure = new NotTextException(lineBreaks + 1);
            } else if (result.isUnderflow()) {
                readBytes();
            }
        }
        if (endOfBytes && bytes.hasRemaining() && failure == null) {
            failure = new CutCharacterException();
        }
        chars.flip();
        if (chars.hasRemaining()) {
            return true;
        }
        if (failure != null) {
            throw failure;
        }
        return false;
    }

    /** Counts the line breaks among the characters just decoded, which start the buffer. */
    private void countLineBreaks() {
        for (int i = 0; i < chars.position(); i++) {
            char c = chars.get(i);
            if (c == '\r' || c == '\n' && !afterCarriageReturn) {
                lineBreaks++;
            }
            afterCarriageReturn = c == '\r';
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    /** Bytes that are not text in the encoding, on this line of the file. */
    static final class NotTextException extends CharacterCodingException {

        private final long line;

        NotTextException(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** The file ends in the middle of a character. */
    static final class CutCharacterException extends EOFException {

        CutCharacterException() {
            super("the file ends inside a character");
        }
    }
}
