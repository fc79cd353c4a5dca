package org.heartdisease.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.cloud.function.web.FunctionHttpProperties;
import org.springframework.cloud.function.web.mvc.FunctionController;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function controller's answer is written in the request's own dispatch only when its Mono has
 * already completed with a value; anything else goes to Spring MVC's asynchronous handling, as before.
 */
class CompletedFunctionAnswerHandlerTests {

	private final Recorder recorder = new Recorder();

	private final HandlerMethodReturnValueHandler handler = installed(this.recorder);

	private final HandlerMethod post;

	CompletedFunctionAnswerHandlerTests() throws NoSuchMethodException {
		this.post = new HandlerMethod(new FunctionController(new FunctionHttpProperties()),
				FunctionController.class.getMethod("post", WebRequest.class, String.class));
	}

	@Test
	void shouldWriteACompletedAnswerAtOnce() throws Exception {
		ResponseEntity<String> entity = ResponseEntity.ok("{}");
		Mono<ResponseEntity<String>> answer = Mono.just(entity);
		handle(answer);
		assertThat(this.recorder.values).containsExactly(entity);
		assertThat(this.recorder.types).containsExactly(entity.getClass());
	}

	@Test
	void shouldLeaveAnAnswerNotYetThereToSpringMvcSubscribedOnce() throws Exception {
		Sinks.One<ResponseEntity<String>> sink = Sinks.one();
		AtomicInteger subscriptions = new AtomicInteger();
		handle(sink.asMono().doOnSubscribe((subscription) -> subscriptions.incrementAndGet()));
		assertThat(this.recorder.values).singleElement().isInstanceOf(CompletableFuture.class);
		CompletableFuture<?> future = (CompletableFuture<?>) this.recorder.values.get(0);
		assertThat(future).isNotDone();
		ResponseEntity<String> entity = ResponseEntity.ok("{}");
		sink.tryEmitValue(entity);
		assertThat(future).isDone();
		assertThat((Object) future.join()).isSameAs(entity);
		assertThat(subscriptions).hasValue(1);
	}

	@Test
	void shouldLeaveAFailedOrEmptyAnswerToSpringMvc() throws Exception {
		IllegalStateException failure = new IllegalStateException("failed");
		handle(Mono.error(failure));
		handle(Mono.empty());
		assertThat(this.recorder.values).hasSize(2).allMatch(CompletableFuture.class::isInstance);
		assertThat((CompletableFuture<?>) this.recorder.values.get(0)).isCompletedExceptionally()
			.failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class).withCause(failure);
		CompletableFuture<?> empty = (CompletableFuture<?>) this.recorder.values.get(1);
		assertThat(empty).isDone();
		assertThat((Object) empty.join()).isNull();
	}

	@Test
	void shouldOnlyTakeTheFunctionControllersMonos() throws Exception {
		assertThat(this.handler.supportsReturnType(this.post.getReturnValueType(Mono.just(1)))).isTrue();
		assertThat(this.handler.supportsReturnType(this.post.getReturnValueType("text"))).isFalse();
		HandlerMethod other = new HandlerMethod(this, getClass().getDeclaredMethod("monoOfElsewhere"));
		assertThat(this.handler.supportsReturnType(other.getReturnValueType(Mono.just(1)))).isFalse();
	}

	@Test
	void shouldLeaveToHandlersSpringMvcHasForTheFuture() {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		adapter.setApplicationContext(new StaticWebApplicationContext());
		adapter.afterPropertiesSet();
		MethodParameter future = this.post.getReturnValueType(new CompletableFuture<>());
		assertThat(adapter.getReturnValueHandlers()).anyMatch((handler) -> handler.supportsReturnType(future));
	}

	@Test
	void shouldBeInstalledOnceAndFirst() {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		adapter.setReturnValueHandlers(List.of(this.recorder));
		CompletedFunctionAnswerHandler.install(adapter);
		CompletedFunctionAnswerHandler.install(adapter);
		assertThat(adapter.getReturnValueHandlers()).hasSize(2);
		assertThat(adapter.getReturnValueHandlers().get(0)).isInstanceOf(CompletedFunctionAnswerHandler.class);
		assertThat(adapter.getReturnValueHandlers().get(1)).isSameAs(this.recorder);
	}

	Mono<Integer> monoOfElsewhere() {
		return Mono.just(1);
	}

	private void handle(Object value) throws Exception {
		MethodParameter returnType = this.post.getReturnValueType(value);
		assertThat(this.handler.supportsReturnType(returnType)).isTrue();
		this.handler.handleReturnValue(value, returnType, new ModelAndViewContainer(), null);
	}

	private static HandlerMethodReturnValueHandler installed(Recorder recorder) {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		adapter.setReturnValueHandlers(List.of(recorder));
		CompletedFunctionAnswerHandler.install(adapter);
		return adapter.getReturnValueHandlers().get(0);
	}

	/** Takes every return value, as Spring MVC's own handlers between them do. */
	private static final class Recorder implements HandlerMethodReturnValueHandler {

		final List<Object> values = new ArrayList<>();

		final List<Class<?>> types = new ArrayList<>();

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return true;
		}

		@Override
		public void handleReturnValue(Object returnValue, MethodParameter returnType,
				ModelAndViewContainer mavContainer, NativeWebRequest webRequest) {
			this.values.add(returnValue);
			this.types.add(returnType.getParameterType());
		}

	}

}
