package io.github.txsim.kinesis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The part of protobuf's wire format (protobuf.dev, "Encoding") that a KPL aggregated record takes: varints, and
 * length-delimited bytes, strings and messages, with their field tags; a reader skips the other wire types.
 * Written here rather than with protobuf-java's coded streams, which did the same: that library is 1.9 MB of the
 * runnable jar for these few methods, and the jar is kept under 40 MB. The KCL's own de-aggregation reads what the
 * writer writes (KplAggregationTest).
 */
final class ProtobufWire {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private ProtobufWire() {
    }

    /** Bytes of a varint holding the value (an unsigned 64-bit number). */
    static int varintSize(long value) {
        int bytes = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }

    /** Bytes of a field holding a varint. */
    static int varintFieldSize(int field, long value) {
        return varintSize(field << 3) + varintSize(value);
    }

    /** Bytes of a length-delimited field of {@code length} bytes. */
    static int lengthDelimitedFieldSize(int field, int length) {
        return varintSize(field << 3) + varintSize(length) + length;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes fields into a part of an array that they must fill exactly. */
    static final class Writer {

        private final byte[] buffer;
        private final int end;
        private int position;

        Writer(byte[] buffer, int offset, int length) {
            this.buffer = buffer;
            this.position = offset;
            this.end = offset + length;
        }

        void varintField(int field, long value) {
            varint(field << 3 | VARINT);
            varint(value);
        }

        void bytesField(int field, byte[] value) {
            lengthDelimitedHeader(field, value.length);
            System.arraycopy(value, 0, buffer, position, value.length);
            position += value.length;
        }

        /** The tag and length of a field whose {@code length} bytes are written next (an embedded message). */
        void lengthDelimitedHeader(int field, int length) {
            varint(field << 3 | LENGTH_DELIMITED);
            varint(length);
            if (length > end - position) {
                throw new IllegalStateException("a field of " + length + " bytes past the end of its message");
            }
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                buffer[position++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[position++] = (byte) value;
        }

        /** @throws IllegalStateException when the fields written did not fill their part of the array exactly */
        void checkFull() {
            if (position != end) {
                throw new IllegalStateException("the message is " + (end - position) + " bytes short of its size");
            }
        }
    }

    /** Reads the fields of a message, in a part of an array. */
    static final class Reader {

        private final byte[] buffer;
        private final int end;
        private int position;

        Reader(byte[] buffer, int offset, int length) {
            this.buffer = buffer;
            this.position = offset;
            this.end = offset + length;
        }

        /** The next field's tag, or 0 at the message's end. */
        int tag() throws IOException {
            return position == end ? 0 : Math.toIntExact(varint());
        }

        static int fieldNumber(int tag) {
            return tag >>> 3;
        }

        long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("a varint longer than 10 bytes");
        }

        byte[] bytes() throws IOException {
            int length = length();
            byte[] value = Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return value;
        }

        String string() throws IOException {
            int length = length();
            String value = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        /** A reader of the embedded message that comes next, which this one then skips. */
        Reader message() throws IOException {
            int length = length();
            Reader message = new Reader(buffer, position, length);
            position += length;
            return message;
        }

        /** Skips the value of a field of this tag. */
        void skip(int tag) throws IOException {
            switch (tag & 7) {
                case VARINT -> varint();
                case FIXED64 -> advance(8);
                case LENGTH_DELIMITED -> advance(length());
                case FIXED32 -> advance(4);
                default -> throw new IOException("a field of wire type " + (tag & 7) + ", which no reader knows");
            }
        }

        private int length() throws IOException {
            long length = varint();
            if (length < 0 || length > end - position) {
                throw new IOException("a field of " + length + " bytes past the end of its message");
            }
            return (int) length;
        }

        private void advance(int bytes) throws IOException {
            if (bytes > end - position) {
                throw new IOException("a field past the end of its message");
            }
            position += bytes;
        }

        private byte next() throws IOException {
            if (position >= end) {
                throw new IOException("a message cut short");
            }
            return buffer[position++];
        }
    }
}
