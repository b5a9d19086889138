package cn.qualityportal.spreadsheets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of an upload whose encoding nobody stated: UTF-8 (with or without BOM) when the bytes are
 * valid UTF-8, else GB18030, which is what Windows and Excel write in China.
 */
public final class TextDecoding {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TextDecoding() {
	}

	public static String decode(byte[] bytes) {
		int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, GB18030);
		}
	}

	/** NUL bytes, or many control characters: not something a person wrote. */
	public static boolean looksBinary(byte[] bytes) {
		int controls = 0;
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
			if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
				controls++;
			}
		}
		return controls > bytes.length / 100 + 2;
	}

}
