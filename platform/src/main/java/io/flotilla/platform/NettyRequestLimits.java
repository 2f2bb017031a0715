package io.flotilla.platform;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * What Reactor Netty does itself, before Spring, done as every other answer: a request it cannot
 * read (a request line or headers over the limits, a malformed header, conflicting Content-Length
 * or Transfer-Encoding) gets a problem+json answer where Reactor Netty would send an empty 400, 414
 * or 431; and a client that stops sending in the middle of a body, or trickles it, is answered 408
 * and cut off, as it is while sending its headers ({@code server.netty.idle-timeout}). Without
 * these a stalled body held its connection, and the service's behind it, for ever.
 */
final class NettyRequestLimits implements NettyServerCustomizer {

  private final Duration readTimeout;
  private final Duration requestTimeout;

  /**
   * @param readTimeout the longest silence while a body is being sent
   * @param requestTimeout the longest a whole request may take to arrive
   */
  NettyRequestLimits(Duration readTimeout, Duration requestTimeout) {
    this.readTimeout = readTimeout;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public HttpServer apply(HttpServer server) {
    return server
        .readTimeout(readTimeout)
        .requestTimeout(requestTimeout)
        .doOnChannelInit((observer, channel, address) -> {
          if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
            channel
                .pipeline()
                .addBefore(
                    NettyPipeline.HttpTrafficHandler,
                    "flotilla.unreadableRequests",
                    UnreadableRequests.INSTANCE);
          }
        });
  }

  /** Answers a request whose line or headers Netty's decoder refused, then closes. */
  @Sharable
  static final class UnreadableRequests extends ChannelInboundHandlerAdapter {

    static final UnreadableRequests INSTANCE = new UnreadableRequests();

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      if (!(message instanceof HttpRequest request) || !request.decoderResult().isFailure()) {
        context.fireChannelRead(message);
        return;
      }
      Throwable cause = request.decoderResult().cause();
      ReferenceCountUtil.release(message);
      context.writeAndFlush(answer(cause)).addListener(ChannelFutureListener.CLOSE);
    }

    static FullHttpResponse answer(Throwable cause) {
      HttpResponseStatus status;
      String detail;
      if (cause instanceof TooLongHttpLineException) {
        status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
        detail = "The request line is longer than this server takes: shorten the URL.";
      } else if (cause instanceof TooLongHttpHeaderException
          || cause instanceof TooLongFrameException) {
        status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        detail = "The request headers are larger than this server takes.";
      } else {
        status = HttpResponseStatus.BAD_REQUEST;
        detail =
            "The request is not valid HTTP/1.1: a malformed request line or header, or a"
                + " Content-Length or Transfer-Encoding that is invalid or conflicting.";
      }
      byte[] body =
          """
          {"title":"%s","status":%d,"detail":"%s"}\
          """
              .formatted(status.reasonPhrase(), status.code(), detail)
              .getBytes(StandardCharsets.UTF_8);
      var response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
          .set("X-Content-Type-Options", "nosniff");
      return response;
    }
  }
}
