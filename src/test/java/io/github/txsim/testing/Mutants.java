package io.github.txsim.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Broken copies of a valid file, the ways files from other programs go wrong, made from a fixed seed: bytes flipped,
 * lines joined or cut, quotes and commas inserted, bytes that are not UTF-8, blank lines, the header damaged, the
 * file cut short, line breaks turned into CR LF, a byte order mark. Each copy has one to three such changes.
 */
public final class Mutants {

    private enum Change { FLIP, JOIN, CUT, QUOTE, COMMA, NOT_UTF8, BLANK, HEADER, TRUNCATE, CRLF, BOM }

    private Mutants() {
    }

    /** {@code count} broken copies of the file, the same ones for the same seed. */
    public static List<byte[]> of(byte[] valid, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> mutants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] mutant = valid;
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                mutant = change(mutant, Change.values()[random.nextInt(Change.values().length)], random);
            }
            mutants.add(mutant);
        }
        return mutants;
    }

    private static byte[] change(byte[] file, Change change, SplittableRandom random) {
        if (file.length == 0) {
            return file;
        }
        int at = random.nextInt(file.length + 1);
        return switch (change) {
            case FLIP -> replace(file, Math.min(at, file.length - 1), 1, new byte[] {(byte) random.nextInt(256)});
            case JOIN -> {
                int lineBreak = indexOf(file, (byte) '\n', at);
                yield lineBreak < 0 ? file : replace(file, lineBreak, 1, new byte[0]);
            }
            case CUT -> replace(file, at, 0, new byte[] {'\n'});
            case QUOTE -> replace(file, at, 0, new byte[] {'"'});
            case COMMA -> replace(file, at, 0, new byte[] {','});
            case NOT_UTF8 -> replace(file, at, 0, random.nextBoolean() ? new byte[] {(byte) 0xC3, '('}
                    : new byte[] {(byte) 0xFF});
            case BLANK -> {
                int lineBreak = indexOf(file, (byte) '\n', at);
                yield lineBreak < 0 ? file : replace(file, lineBreak, 0, new byte[] {'\n'});
            }
            case HEADER -> {
                int headerEnd = Math.max(1, indexOf(file, (byte) '\n', 0));
                int in = random.nextInt(headerEnd);
                byte[] damage = switch (random.nextInt(3)) {
                    case 0 -> new byte[] {','};
                    case 1 -> new byte[] {'"'};
                    default -> "TRANSACTION_ID,".getBytes();
                };
                yield replace(file, in, 0, damage);
            }
            case TRUNCATE -> replace(file, at, file.length - at, new byte[0]);
            case CRLF -> crlf(file);
            case BOM -> replace(file, 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        };
    }

    private static int indexOf(byte[] file, byte b, int from) {
        for (int i = from; i < file.length; i++) {
            if (file[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] replace(byte[] file, int at, int length, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + with.length);
        out.write(file, 0, at);
        out.writeBytes(with);
        out.write(file, at + length, file.length - at - length);
        return out.toByteArray();
    }

    private static byte[] crlf(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + file.length / 50);
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n' && (i == 0 || file[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(file[i]);
        }
        return out.toByteArray();
    }
}
